package cn.cppcc.consult.notification;

public enum DeliveryStatus {
    /** Waiting for its job: first try, quiet hours, or retrying after a failure. */
    PENDING("待投递"),
    SENT("已发送"),
    /** Every retry failed: an incident on its job; a supervisor may retry. */
    FAILED("投递失败"),
    /** Nothing to send to any more (number or address removed, job deleted). */
    CANCELLED("已取消");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

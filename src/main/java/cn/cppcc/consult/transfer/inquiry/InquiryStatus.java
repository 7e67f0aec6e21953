package cn.cppcc.consult.transfer.inquiry;

public enum InquiryStatus {
    INQUIRING("问效中"),
    EVALUATING("待民主评议"),
    REHANDLING("重新办理中"),
    SUPERVISING("提请县委督办"),
    DONE("问效完成");

    private final String label;

    InquiryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

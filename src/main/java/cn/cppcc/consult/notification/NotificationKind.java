package cn.cppcc.consult.notification;

public enum NotificationKind {
    ADVANCE_NOTICE("提前通报"),
    TOPIC_REJECTED("议题未通过"),
    MINUTES_SENT("协商纪要呈送"),
    REMINDER("催办"),
    ESCALATION("逾期督办"),
    ASSESSMENT("考核结果"),
    FEEDBACK("办理情况反馈");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

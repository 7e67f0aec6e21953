package cn.cppcc.consult.notification;

public enum NotificationKind {
    ADVANCE_NOTICE("提前通报"),
    TOPIC_REJECTED("议题未通过"),
    MINUTES_SENT("协商纪要呈送"),
    REMINDER("催办"),
    OVERDUE("逾期督办"),
    RESULT_PROGRESS("成果办理进展"),
    FEEDBACK("办理情况反馈"),
    SATISFACTION_SURVEY("满意度评价");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

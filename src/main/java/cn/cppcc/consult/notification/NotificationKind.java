package cn.cppcc.consult.notification;

public enum NotificationKind {
    ADVANCE_NOTICE("提前通报"),
    TOPIC_REJECTED("议题未通过"),
    MINUTES_SENT("协商纪要呈送"),
    REMINDER("催办"),
    FEEDBACK("办理情况反馈"),
    /** A task offered to one's group or assigned to oneself. */
    TASK("待办任务"),
    MEETING_INVITATION("会议通知"),
    /** Overdue work reported to the supervisors above (督办). */
    ESCALATION("督办"),
    SURVEY("满意度测评"),
    TOPIC_ACCEPTED("议题已受理"),
    TOPIC_ROUTED("新的备选议题"),
    TOPIC_PLANNED("议题列入协商计划"),
    PLAN_ISSUED("协商计划发布"),
    /** Progress of a result item, told to its followers. */
    RESULT_PROGRESS("成果办理进展"),
    ASSESSMENT("考核结果"),
    /** A link to an online consultation (网络协商) pushed to members and participants. */
    ONLINE_INVITATION("网络协商邀请");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

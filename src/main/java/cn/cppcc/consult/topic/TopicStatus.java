package cn.cppcc.consult.topic;

public enum TopicStatus {
    /** submitted through intake, waiting for screening (已提交，待初审) */
    SUBMITTED("已提交，待初审"),
    /** accepted by screening, waiting to be put into a plan (已受理，待列入计划) */
    ACCEPTED("已受理，待列入协商计划"),
    /** waiting for the same-level party organisation (待审定) */
    PENDING_APPROVAL("待党组织审定"),
    /** approved by the same-level party organisation in a plan, its consultation not yet begun (已审定) */
    APPROVED("已列入协商计划"),
    /** returned to the organiser for revision (退回修改) */
    REVISING("退回修改"),
    /** approved and being consulted on (协商中) */
    IN_CONSULTATION("协商中"),
    /** not accepted, with the reason shown to the submitter (不予采纳) */
    REJECTED("不予采纳"),
    /** consultation closed (已办结) */
    CLOSED("已办结");

    private final String label;

    TopicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

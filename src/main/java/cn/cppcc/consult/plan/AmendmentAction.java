package cn.cppcc.consult.plan;

/** One change of a plan during the year. */
public enum AmendmentAction {
    ADD("增补议题"),
    RESCHEDULE("调整协商日期"),
    DROP("调出计划");

    private final String label;

    AmendmentAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.cppcc.consult.plan;

/** How a topic came into the plan. */
public enum PlanItemOrigin {
    ANNUAL("年度计划"),
    AMENDMENT("计划调整增补"),
    TEMPORARY("临时增加议题"),
    EMERGENCY("应急协商转常态化");

    private final String label;

    PlanItemOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

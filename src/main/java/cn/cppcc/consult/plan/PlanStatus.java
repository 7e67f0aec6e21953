package cn.cppcc.consult.plan;

/** Where an annual plan stands. */
public enum PlanStatus {
    DRAFTING("编制中"),
    APPROVED("已审定，待发文"),
    ISSUED("已发布执行"),
    COMPLETED("年度已结束");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

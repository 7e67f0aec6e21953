package cn.cppcc.consult.plan;

/** Where a proposed change of a plan stands. */
public enum AmendmentStatus {
    PROPOSED("待党组织审定"),
    RETURNED("退回修改"),
    APPROVED("已审定，待生效"),
    APPLIED("已生效");

    private final String label;

    AmendmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

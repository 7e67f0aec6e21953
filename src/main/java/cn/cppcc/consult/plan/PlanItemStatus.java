package cn.cppcc.consult.plan;

/** Where a planned topic stands. */
public enum PlanItemStatus {
    DRAFT("拟列入"),
    PLANNED("待启动协商"),
    LAUNCHED("已启动协商"),
    DROPPED("已调出计划");

    private final String label;

    PlanItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

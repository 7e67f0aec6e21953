package cn.cppcc.consult.intake;

/** Staff's decision on a screened topic (研判受理). */
public enum IntakeDecision {
    ACCEPT("受理"),
    REJECT("不予受理");

    private final String label;

    IntakeDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.cppcc.consult.consultation;

/** The result of the consultation itself. */
public enum Outcome {
    CONSENSUS("达成共识"),
    PARTIAL("部分达成共识"),
    NONE("未达成共识");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.cppcc.consult.transfer;

/** How satisfied people are with the handling of a result: democratic evaluation and citizens' ratings. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

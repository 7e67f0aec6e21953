package cn.cppcc.consult.supervision;

/** A rating of how a consultation's results were carried out (满意 / 基本满意 / 不满意). */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Who gave the rating. */
    public enum Source {
        /** a citizen answering the feedback message's link */
        CITIZEN,
        /** the democratic evaluation (民主评议) of an effectiveness inquiry */
        EVALUATION
    }
}

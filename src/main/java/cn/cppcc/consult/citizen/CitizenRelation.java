package cn.cppcc.consult.citizen;

/** How a citizen is linked to a topic. */
public enum CitizenRelation {
    /** submitted it (提出人) */
    RAISED("提出人"),
    /** affected by it and asked to be told (涉及群众) */
    AFFECTED("涉及群众");

    private final String label;

    CitizenRelation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

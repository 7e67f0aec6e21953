package cn.cppcc.consult.consultation;

/** Research before the meeting (座谈走访、调研视察). */
public enum ResearchKind {
    FORUM("座谈"),
    VISIT("走访"),
    INSPECTION("调研视察"),
    SURVEY("问卷调查");

    private final String label;

    ResearchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

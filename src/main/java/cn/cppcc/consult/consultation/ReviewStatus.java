package cn.cppcc.consult.consultation;

/** The state of a document someone must review: a research report or the minutes. */
public enum ReviewStatus {
    SUBMITTED("待审核"),
    ACCEPTED("已通过"),
    RETURNED("已退回");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

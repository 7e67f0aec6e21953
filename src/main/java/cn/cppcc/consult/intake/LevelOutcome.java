package cn.cppcc.consult.intake;

/** What {@code TopicLevel.dmn} concludes (层级边界). */
public enum LevelOutcome {
    CPPCC("政协协商"),
    GRASSROOTS("基层协商"),
    /** 可上可下: staff choose */
    EITHER("可上可下，由工作人员选择");

    private final String label;

    LevelOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

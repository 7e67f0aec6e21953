package cn.cppcc.consult.intake;

/** What {@code TopicScreening.dmn} concludes from the screener's findings. */
public enum ScreeningOutcome {
    /** one of the 选题原则 excludes the topic; the table states the reason */
    REJECT("不予受理"),
    /** no exclusion applies: staff judge "小切口、可操作、能见效" */
    JUDGE("由工作人员研判");

    private final String label;

    ScreeningOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.cppcc.consult.venue;

/** The consultation venues (协商平台) a place runs. */
public enum VenueKind {
    DISCUSSION_ROOM("有事好商量协商议事室"),
    STUDIO("同心圆工作室"),
    VILLAGE_HALL("村级议事厅"),
    MEMBER_STUDIO("委员工作室"),
    LIVELIHOOD_HALL("民生议事堂");

    private final String label;

    VenueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

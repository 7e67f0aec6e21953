package cn.cppcc.consult.organisation;

/** The five administrative levels, plus enterprises and institutions that host a consultation room. */
public enum PlaceLevel {
    PROVINCE("省"),
    CITY("市"),
    COUNTY("县"),
    TOWNSHIP("乡镇（街道）"),
    VILLAGE("村（社区）"),
    INSTITUTION("企事业单位");

    private final String label;

    PlaceLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a place of this level may sit directly under a place of {@code parent} level. */
    public boolean mayBeChildOf(PlaceLevel parent) {
        if (this == INSTITUTION) {
            return parent == COUNTY || parent == TOWNSHIP;
        }
        return parent != INSTITUTION && parent.ordinal() == ordinal() - 1;
    }
}

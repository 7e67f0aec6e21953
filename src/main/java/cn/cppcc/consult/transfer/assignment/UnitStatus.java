package cn.cppcc.consult.transfer.assignment;

/** Where a responsible department stands with its assignment. */
public enum UnitStatus {
    ASSIGNED("已交办"),
    IN_PROGRESS("办理中"),
    DONE("已办结");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

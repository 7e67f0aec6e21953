package cn.cppcc.consult.transfer.assignment;

/** How an item is assigned. */
public enum AssignmentRoute {
    /** by the party committee and government where the consultation was held (本级交办) */
    DIRECT("本级交办"),
    /** an item that matters county-wide: the county CPPCC asks the county party committee to instruct (提请县委责成落实) */
    COUNTY("提请县委责成落实");

    private final String label;

    AssignmentRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

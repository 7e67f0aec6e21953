package cn.cppcc.consult.transfer;

public enum TransferStatus {
    IN_PROGRESS("办理中"),
    DONE("已办结");

    private final String label;

    TransferStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

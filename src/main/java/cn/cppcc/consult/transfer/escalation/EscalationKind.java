package cn.cppcc.consult.transfer.escalation;

public enum EscalationKind {
    PROPOSAL("委员提案"),
    OPINION_REPORT("社情民意信息");

    private final String label;

    EscalationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

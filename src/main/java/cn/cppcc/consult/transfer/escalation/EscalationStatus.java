package cn.cppcc.consult.transfer.escalation;

public enum EscalationStatus {
    DRAFTED("待审核"),
    RETURNED("退回修改"),
    APPROVED("审核通过，待报送"),
    REGISTERED("已报送登记，待答复"),
    ANSWERED("已答复");

    private final String label;

    EscalationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

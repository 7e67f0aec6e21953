package cn.cppcc.consult.transfer;

/** What became of an opinion or proposal (意见采纳情况), in feedback and in answers to escalations. */
public enum Adoption {
    ADOPTED("已采纳"),
    PARTLY_ADOPTED("部分采纳"),
    PLANNED("列入计划"),
    FOR_REFERENCE("留作参考"),
    NOT_ADOPTED("未采纳");

    private final String label;

    Adoption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

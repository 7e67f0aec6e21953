package cn.cppcc.consult.consultation;

/** Where a consultation stands; kept on its record for lists and statistics. */
public enum Stage {
    TOPIC_APPROVAL("议题审定"),
    PLANNING("制定实施方案"),
    PARTICIPANTS("确定协商主体"),
    RESEARCH("会前调研"),
    CONSULTING("协商议事"),
    MINUTES("协商纪要"),
    TRANSFER("成果转化"),
    CLOSED("已结项"),
    REJECTED("议题未通过");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.cppcc.consult.consultation;

/** Who takes part, by the stakeholder principle (利益相关者参与). */
public enum ParticipantCategory {
    MEMBER("政协委员"),
    DEPARTMENT("部门负责人"),
    STAKEHOLDER("利益相关方代表"),
    CITIZEN("群众代表"),
    EXPERT("专家学者"),
    OBSERVER("列席人员");

    private final String label;

    ParticipantCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

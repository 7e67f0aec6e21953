package cn.cppcc.consult.consultation;

/** The party organisation's decision on a topic (审定). */
public enum TopicDecision {
    APPROVE("同意"),
    REVISE("退回修改"),
    REJECT("不予采纳");

    private final String label;

    TopicDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

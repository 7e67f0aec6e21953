package cn.cppcc.consult.transfer;

/** The four transfer mechanisms (成果转化四项机制), each an executable process of its own. */
public enum Mechanism {
    ASSIGNMENT("交办", "Assignment"),
    ESCALATION("转报", "Escalation"),
    INQUIRY("问效", "EffectivenessInquiry"),
    FEEDBACK("反馈", "Feedback");

    private final String label;
    private final String processKey;

    Mechanism(String label, String processKey) {
        this.label = label;
        this.processKey = processKey;
    }

    public String label() {
        return label;
    }

    public String processKey() {
        return processKey;
    }

    public static Mechanism ofProcess(String processKey) {
        for (Mechanism mechanism : values()) {
            if (mechanism.processKey.equals(processKey)) {
                return mechanism;
            }
        }
        throw new IllegalArgumentException("不是成果转化流程：" + processKey);
    }
}

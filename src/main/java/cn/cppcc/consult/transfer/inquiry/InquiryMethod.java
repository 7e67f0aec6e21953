package cn.cppcc.consult.transfer.inquiry;

/** How supervisors find out what became of a result (跟踪问效). */
public enum InquiryMethod {
    INSPECTION("调研视察"),
    UNANNOUNCED_VISIT("明察暗访"),
    RETURN_VISIT("座谈回访"),
    QUESTIONNAIRE("问卷调查");

    private final String label;

    InquiryMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

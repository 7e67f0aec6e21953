package cn.cppcc.consult.notification;

/**
 * A value a message template can show. Administrators write it as {@code {议题}} in a template's
 * text; code supplies it by constant.
 */
public enum Placeholder {
    TOPIC("议题"),
    TOPIC_DESCRIPTION("议题内容"),
    NUMBER("编号"),
    PLACE("地点单位"),
    FORM("协商形式"),
    HOST("主持人"),
    TIME("时间"),
    VENUE("地点"),
    CLOSING_TIME("截止时间"),
    REASON("理由"),
    TASK("任务"),
    PROCESS("流程"),
    GROUP("办理组"),
    ASSIGNER("指派人"),
    ITEM("事项"),
    DUE("期限"),
    OVERDUE_DAYS("逾期天数"),
    HOLDER("办理人"),
    RESULT("办理结果"),
    ADOPTION("采纳情况"),
    FEEDBACK_KIND("反馈类别"),
    CONTENT("正文"),
    LINK("链接"),
    ROLE("身份"),
    SOURCE("来源"),
    CONSULTATION_KIND("协商类别"),
    RECEIPT("回执号"),
    PLAN("协商计划"),
    DOCUMENT_NUMBER("文号"),
    SCHEDULE("议题安排"),
    PROGRESS("最新进展"),
    YEAR("年度"),
    SCORE("得分"),
    RANK("名次"),
    RANKED("乡镇数");

    private final String label;

    Placeholder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How it is written in a template: {@code {议题}}. */
    public String token() {
        return "{" + label + "}";
    }
}

package cn.cppcc.consult.notification;

import static cn.cppcc.consult.notification.Placeholder.*;

import java.util.List;

/**
 * Every message the platform sends, with the wording it ships with. Administrators reword a
 * template on the templates page ({@code notification_template} keeps their wording; deleting it
 * restores this one); they may use only the placeholders a template declares, and code must supply
 * all of them. {@code shortText} is the text message (短信); the gateway adds the signature.
 */
public enum MessageTemplate {

    TASK_OFFERED(NotificationKind.TASK, "待办任务（分派到组）",
            "【待办】{任务}：{议题}",
            "{办理组}有一项新的待办任务“{任务}”（{流程}，{编号}：{议题}），请组内人员及时认领办理。\n办理入口：{链接}",
            "{办理组}有新的待办任务“{任务}”（{议题}），请及时登录平台认领办理。",
            TASK, PROCESS, NUMBER, Placeholder.TOPIC, GROUP, LINK),

    TASK_ASSIGNED(NotificationKind.TASK, "待办任务（指派到人）",
            "【待办】{任务}：{议题}",
            "{指派人}已将任务“{任务}”（{流程}，{编号}：{议题}）交由您办理，请及时处理。\n办理入口：{链接}",
            "{指派人}已将任务“{任务}”（{议题}）交由您办理，请及时登录平台处理。",
            TASK, PROCESS, NUMBER, Placeholder.TOPIC, ASSIGNER, LINK),

    TOPIC_ROUTED(NotificationKind.TOPIC_ROUTED, "新的备选议题（告知计划编制单位）",
            "【备选议题】{议题}",
            "议题“{议题}”（{编号}，{来源}）已受理，列为{协商类别}备选议题，待编制{地点单位}年度协商计划时遴选。",
            "议题“{议题}”（{来源}）已受理，列为{协商类别}备选议题，待编制{地点单位}年度协商计划时遴选。",
            Placeholder.TOPIC, NUMBER, SOURCE, CONSULTATION_KIND, PLACE),

    TOPIC_ACCEPTED(NotificationKind.TOPIC_ACCEPTED, "议题已受理（告知提出人）",
            "议题已受理：{议题}",
            "您提出的议题“{议题}”（{编号}）已受理，列为{协商类别}备选议题，将在编制年度协商计划时统筹安排。",
            "您提出的议题“{议题}”已受理，列为{协商类别}备选议题，将在编制年度协商计划时统筹安排。",
            Placeholder.TOPIC, NUMBER, CONSULTATION_KIND),

    TOPIC_ACCEPTED_CITIZEN(NotificationKind.TOPIC_ACCEPTED, "议题已受理（告知提出议题的群众）",
            "议题已受理：{议题}",
            "您提出的议题“{议题}”（回执号 {回执号}）已受理，列为{协商类别}备选议题，将在编制年度协商计划时统筹安排。",
            "您提出的议题“{议题}”（回执号 {回执号}）已受理，将在编制年度协商计划时统筹安排。",
            Placeholder.TOPIC, RECEIPT, CONSULTATION_KIND),

    TOPIC_PLANNED(NotificationKind.TOPIC_PLANNED, "议题列入协商计划（告知提出人）",
            "议题列入协商计划：{议题}",
            "您提出的议题“{议题}”（{编号}）已经同级党组织审定，列入协商计划，将按计划组织协商。",
            "您提出的议题“{议题}”已列入协商计划，将按计划组织协商。",
            Placeholder.TOPIC, NUMBER),

    TOPIC_PLANNED_CITIZEN(NotificationKind.TOPIC_PLANNED, "议题列入协商计划（告知提出议题的群众）",
            "议题列入协商计划：{议题}",
            "您提出的议题“{议题}”（回执号 {回执号}）已经同级党组织审定，列入协商计划，将按计划组织协商。",
            "您提出的议题“{议题}”（回执号 {回执号}）已列入协商计划，将按计划组织协商。",
            Placeholder.TOPIC, RECEIPT),

    INTAKE_REJECTED(NotificationKind.TOPIC_REJECTED, "议题不予受理（告知提出人）",
            "议题不予受理：{议题}",
            "您提出的议题“{议题}”（{编号}）经研判不予受理。\n理由：{理由}",
            "您提出的议题“{议题}”经研判不予受理，理由：{理由}",
            Placeholder.TOPIC, NUMBER, REASON),

    INTAKE_REJECTED_CITIZEN(NotificationKind.TOPIC_REJECTED, "议题不予受理（告知提出议题的群众）",
            "议题不予受理：{议题}",
            "您提出的议题“{议题}”（回执号 {回执号}）经研判不予受理。\n理由：{理由}",
            "您提出的议题“{议题}”（回执号 {回执号}）经研判不予受理，理由：{理由}",
            Placeholder.TOPIC, RECEIPT, REASON),

    PLAN_ISSUED(NotificationKind.PLAN_ISSUED, "年度协商计划发布",
            "【协商计划】{协商计划}已发布",
            "{协商计划}（{文号}）已发布，各议题按计划日期启动协商：\n{议题安排}",
            "{协商计划}（{文号}）已发布，各议题按计划日期启动协商，议题安排请登录平台查看。",
            PLAN, DOCUMENT_NUMBER, SCHEDULE),

    TEMPORARY_TOPIC_REJECTED(NotificationKind.TOPIC_REJECTED, "临时增加议题不予采纳（告知提出人）",
            "临时增加议题未获审定：{议题}",
            "临时增加议题“{议题}”（{编号}）经党组织审定不予采纳。\n理由：{理由}",
            "临时增加议题“{议题}”经党组织审定不予采纳，理由：{理由}",
            Placeholder.TOPIC, NUMBER, REASON),

    ADVANCE_NOTICE(NotificationKind.ADVANCE_NOTICE, "提前通报参与人员",
            "【提前通报】{议题}",
            """
                    您已确定为“{议题}”（{编号}）的协商参与人员，现将协商内容提前通报如下，请做好调研和发言准备。
                    协商形式：{协商形式}；主持人：{主持人}
                    时间：{时间}
                    地点：{地点}
                    意见征集截止：{截止时间}
                    议题内容：{议题内容}""",
            "您已确定为“{议题}”的协商参与人员（{协商形式}，时间：{时间}，地点：{地点}），议题材料请登录平台消息中心查看。",
            Placeholder.TOPIC, NUMBER, FORM, HOST, TIME, VENUE, CLOSING_TIME, TOPIC_DESCRIPTION),

    MEETING_INVITATION(NotificationKind.MEETING_INVITATION, "协商议事会会议通知",
            "【会议通知】{议题}协商议事会",
            "“{议题}”（{编号}）调研已完成，定于{时间}在{地点}召开协商议事会，主持人：{主持人}。请准时出席；如不能参加，请提前向组织单位请假。",
            "定于{时间}在{地点}召开“{议题}”协商议事会，请准时出席。",
            Placeholder.TOPIC, NUMBER, TIME, VENUE, HOST),

    TOPIC_REJECTED(NotificationKind.TOPIC_REJECTED, "议题不予采纳（告知发起人）",
            "议题未通过审定：{议题}",
            "您发起的议题“{议题}”（{编号}）经党组织审定不予采纳。\n理由：{理由}",
            "您发起的议题“{议题}”经党组织审定不予采纳，理由：{理由}",
            Placeholder.TOPIC, NUMBER, REASON),

    TOPIC_REJECTED_CITIZEN(NotificationKind.TOPIC_REJECTED, "议题不予采纳（告知群众）",
            "您反映的议题未被采纳",
            "您反映的“{议题}”经审定暂不纳入协商。理由：{理由}。感谢您的参与和支持。",
            "您反映的“{议题}”经审定暂不纳入协商，理由：{理由}。感谢您的参与。",
            Placeholder.TOPIC, REASON),

    MINUTES_SENT(NotificationKind.MINUTES_SENT, "协商纪要呈送党委政府",
            "【协商纪要】{议题}",
            "“{议题}”（{编号}）协商纪要已经主持人审核，现予呈送。\n\n{正文}",
            "“{议题}”协商纪要已呈送，请登录平台查阅。",
            Placeholder.TOPIC, NUMBER, CONTENT),

    REMINDER_BEFORE_DUE(NotificationKind.REMINDER, "到期前提醒",
            "【提醒】{事项}将于{期限}到期",
            "“{议题}”（{编号}）的“{事项}”将于{期限}到期，请抓紧办理。\n办理入口：{链接}",
            "“{议题}”的“{事项}”将于{期限}到期，请抓紧办理。",
            ITEM, Placeholder.TOPIC, NUMBER, DUE, LINK),

    OVERDUE_REMINDER(NotificationKind.REMINDER, "逾期催办（告知办理人）",
            "【催办】{事项}已逾期：{议题}",
            "“{议题}”（{编号}）的“{事项}”已于{期限}到期，逾期{逾期天数}天尚未完成，请尽快办理。\n办理入口：{链接}",
            "【催办】“{议题}”的“{事项}”已逾期{逾期天数}天，请尽快办理。",
            ITEM, Placeholder.TOPIC, NUMBER, DUE, OVERDUE_DAYS, LINK),

    ESCALATION(NotificationKind.ESCALATION, "逾期督办（告知督查）",
            "【督办】{事项}逾期未办：{议题}",
            "“{议题}”（{编号}）的“{事项}”已于{期限}到期，逾期{逾期天数}天仍未完成，当前办理：{办理人}。请督促落实。\n查看：{链接}",
            "【督办】“{议题}”的“{事项}”逾期{逾期天数}天未完成，办理：{办理人}，请督促落实。",
            ITEM, Placeholder.TOPIC, NUMBER, DUE, OVERDUE_DAYS, HOLDER, LINK),

    RESULT_FEEDBACK(NotificationKind.FEEDBACK, "成果办理情况反馈（住地委员）",
            "【{反馈类别}】{议题}",
            "“{议题}”（{编号}）的协商成果事项：\n{事项}\n意见采纳情况：{采纳情况}\n办理情况：{办理结果}",
            "“{议题}”协商成果“{事项}”{反馈类别}：{办理结果}",
            Placeholder.TOPIC, NUMBER, ITEM, ADOPTION, RESULT, FEEDBACK_KIND),

    RESULT_FEEDBACK_CITIZEN(NotificationKind.FEEDBACK, "成果办理情况反馈（涉及群众）",
            "【{反馈类别}】{议题}",
            "您关心的“{议题}”经协商后，成果事项“{事项}”的办理情况如下：\n意见采纳情况：{采纳情况}\n办理情况：{办理结果}\n感谢您的参与和监督。",
            "您关心的“{议题}”，“{事项}”办理情况：{办理结果}。感谢您的参与。",
            Placeholder.TOPIC, ITEM, ADOPTION, RESULT, FEEDBACK_KIND),

    SATISFACTION_SURVEY(NotificationKind.SURVEY, "满意度测评邀请（涉及群众）",
            "请对“{议题}”的办理情况进行评价",
            "您关心的“{议题}”，成果事项“{事项}”已办结：\n意见采纳情况：{采纳情况}\n办理情况：{办理结果}\n请于{截止时间}前对办理结果作出评价：{链接}",
            "您关心的“{议题}”已办理完毕，请于{截止时间}前进行满意度评价：{链接}",
            Placeholder.TOPIC, ITEM, ADOPTION, RESULT, CLOSING_TIME, LINK),

    RESULT_PROGRESS(NotificationKind.RESULT_PROGRESS, "成果办理进展（住地委员、涉及群众）",
            "【成果办理进展】{议题}",
            "您关注的议题“{议题}”（{编号}）的协商成果事项：\n{事项}\n最新进展：{最新进展}",
            "您关注的“{议题}”协商成果有新进展：{最新进展}",
            Placeholder.TOPIC, NUMBER, ITEM, PROGRESS),

    READY_FOR_FINAL_FEEDBACK(NotificationKind.FEEDBACK, "可作办结反馈（告知组织单位）",
            "【可作办结反馈】{议题}",
            "“{议题}”（{编号}）的成果事项“{事项}”已办理完毕，请向住地政协委员和涉及群众作办结反馈。",
            "“{议题}”的成果事项已办理完毕，请向住地政协委员和涉及群众作办结反馈。",
            Placeholder.TOPIC, NUMBER, ITEM),

    INSTRUCTED_ITEM_FINISHED(NotificationKind.RESULT_PROGRESS, "县委责成落实事项办结（告知县委）",
            "【落实情况】{议题}",
            "县委责成落实的“{议题}”（{编号}）成果事项“{事项}”已办结：{办理结果}",
            "县委责成落实的“{议题}”成果事项已办结：{办理结果}",
            Placeholder.TOPIC, NUMBER, ITEM, RESULT),

    ONLINE_INVITATION(NotificationKind.ONLINE_INVITATION, "网络协商邀请（委员、参与人员）",
            "【网络协商】{议题}",
            """
                    “{议题}”（{编号}）正在{地点单位}开展网络协商，诚邀您以{身份}身份发表意见，截止时间：{截止时间}。
                    参与入口：{链接}
                    请用您在平台“消息接收设置”中登记的手机号获取验证码实名登记，您的意见将标注为“{身份}”。欢迎把链接转发给关心此事的群众。""",
            "“{议题}”网络协商进行中，诚邀您以{身份}身份发表意见，截止{截止时间}：{链接}",
            Placeholder.TOPIC, NUMBER, PLACE, ROLE, CLOSING_TIME, LINK),

    ONLINE_INVITATION_CITIZEN(NotificationKind.ONLINE_INVITATION, "网络协商邀请（无账号的参与人员）",
            "【网络协商】{议题}",
            "“{议题}”正在{地点单位}开展网络协商，诚邀您以{身份}身份发表意见，截止时间：{截止时间}。参与入口：{链接}",
            "“{议题}”网络协商进行中，诚邀您以{身份}身份发表意见，请用本手机号实名登记，截止{截止时间}：{链接}",
            Placeholder.TOPIC, PLACE, ROLE, CLOSING_TIME, LINK),

    ASSESSMENT_RESULT(NotificationKind.ASSESSMENT, "年度考核结果（告知乡镇）",
            "【考核结果】{年度}年度乡镇政协协商工作考核",
            "{地点单位}{年度}年度考核得分{得分}分，全县排名第{名次}名（共{乡镇数}个乡镇）。",
            "{地点单位}{年度}年度乡镇政协协商工作考核得分{得分}分，全县排名第{名次}名（共{乡镇数}个乡镇）。",
            PLACE, YEAR, SCORE, RANK, RANKED);

    private final NotificationKind kind;
    private final String label;
    private final Text defaultText;
    private final List<Placeholder> placeholders;

    MessageTemplate(NotificationKind kind, String label, String subject, String body, String shortText,
            Placeholder... placeholders) {
        this.kind = kind;
        this.label = label;
        this.defaultText = new Text(subject, body, shortText);
        this.placeholders = List.of(placeholders);
    }

    public NotificationKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public Text defaultText() {
        return defaultText;
    }

    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** A template's wording: subject (inbox, e-mail), body (inbox, e-mail) and text message. */
    public record Text(String subject, String body, String shortText) {
    }
}

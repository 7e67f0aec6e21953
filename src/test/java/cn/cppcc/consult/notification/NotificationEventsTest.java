package cn.cppcc.consult.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationNotices;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.DeadlineNotices.Deadline;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FakeSmsGateway.Sms;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.feedback.FeedbackService;

import jakarta.mail.internet.MimeMessage;

/**
 * Every event of the processes produces the right message, in Chinese, to the right people, by
 * the channels they can be reached on: delivered through a real SMTP server and a real HTTP SMS
 * gateway.
 */
@ConsultTest
class NotificationEventsTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired Channels channels;
    @Autowired NotificationService notifications;
    @Autowired TasklistDriver tasklist;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired Scenarios scenarios;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationNotices notices;
    @Autowired DeadlineNotices deadlines;
    @Autowired CitizenRepository citizens;
    @Autowired TransferService transfers;
    @Autowired FeedbackService feedback;

    @BeforeEach
    void open() {
        channels.open();
    }

    @AfterEach
    void close() {
        channels.close();
    }

    @Test
    void aTaskOfferedToAGroupReachesItsMembersButNotWhoeverCausedIt() throws Exception {
        channels.reach("yunling.party", "party@yunling.gov.cn", "13800000001").wants("yunling.party", NotificationKind.TASK, true, true)
                .reach("yunling.liaison", "liaison@yunling.gov.cn", "13800000002");
        String number = tasklist.start(TOWNSHIP.organiser(), ConsultationProcess.KEY, Forms.startConsultation("镇区菜市场改造"))
                .getBusinessKey();
        Task approve = tasklist.task(number, ConsultationProcess.TASK_APPROVE_TOPIC);

        Notification offered = only("yunling.party", NotificationKind.TASK, number);
        assertThat(offered.subject()).isEqualTo("【待办】党组织审定议题：镇区菜市场改造");
        assertThat(offered.body()).contains("云岭镇党委有一项新的待办任务“党组织审定议题”", "协商议事", number,
                "/camunda/app/tasklist/default/#/?task=" + approve.getId());
        assertThat(offered.link()).endsWith("?task=" + approve.getId());
        assertThat(tasks("yunling.liaison", number)).isEmpty();

        // written with the step, sent afterwards
        List<Delivery> deliveries = channels.of(offered);
        assertThat(deliveries).extracting(Delivery::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(deliveries).extracting(Delivery::status).containsOnly(DeliveryStatus.PENDING);
        assertThat(channels.mails()).isEmpty();
        assertThat(channels.sms().requests()).isEmpty();

        channels.runAll(deliveries);
        MimeMessage mail = channels.mailsTo("party@yunling.gov.cn").get(0);
        assertThat(Channels.subject(mail)).isEqualTo("【待办】党组织审定议题：镇区菜市场改造");
        assertThat(Channels.text(mail)).contains("请组内人员及时认领办理", "本邮件由政协协商平台自动发送");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@localhost");
        Sms sms = channels.sms().delivered().get(0);
        assertThat(sms.mobile()).isEqualTo("13800000001");
        assertThat(sms.signName()).isEqualTo("政协协商平台");
        assertThat(sms.content()).isEqualTo("云岭镇党委有新的待办任务“党组织审定议题”（镇区菜市场改造），请及时登录平台认领办理。");
        assertThat(deliveries).allSatisfy(d -> assertThat(channels.reload(d).status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aTaskAssignedByAnotherPersonTellsTheAssigneeButClaimingItDoesNot() {
        channels.reach("yunling.party", "party@yunling.gov.cn", null);
        String number = tasklist.start(TOWNSHIP.organiser(), ConsultationProcess.KEY, Forms.startConsultation("村口路灯维修"))
                .getBusinessKey();
        Task approve = tasklist.task(number, ConsultationProcess.TASK_APPROVE_TOPIC);

        as("admin", () -> taskService.setAssignee(approve.getId(), "yunling.party"));
        Notification assigned = tasks("yunling.party", number).get(0);
        assertThat(assigned.subject()).isEqualTo("【待办】党组织审定议题：村口路灯维修");
        assertThat(assigned.body()).startsWith("系统管理员")
                .contains("已将任务“党组织审定议题”（协商议事，" + number + "：村口路灯维修）交由您办理");
        channels.runAll(channels.of(assigned));
        assertThat(channels.mailsTo("party@yunling.gov.cn")).extracting(Channels::subject)
                .contains("【待办】党组织审定议题：村口路灯维修");

        int before = tasks("yunling.party", number).size();
        as("yunling.party", () -> {
            taskService.setAssignee(approve.getId(), null);
            taskService.claim(approve.getId(), "yunling.party");
        });
        assertThat(tasks("yunling.party", number)).hasSize(before);
    }

    @Test
    void participantsGetTheAdvanceNoticeWithTheMaterialsAndThenTheMeetingInvitation() {
        String member = TOWNSHIP.countyUser(Role.MEMBER);
        channels.reach(member, "member@qingxi.gov.cn", "13800000003");
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants();
        s.startBefore(ConsultationProcess.GATEWAY_PREPARATION_SPLIT);

        Notification notice = only(member, NotificationKind.ADVANCE_NOTICE, s.number());
        assertThat(notice.subject()).isEqualTo("【提前通报】测试议题：乡镇");
        assertThat(notice.body()).contains("您已确定为“测试议题：乡镇”（" + s.number() + "）的协商参与人员",
                "协商形式：会议协商；主持人：主持人", "地点：议事室", "议题内容：测试用的议题内容");
        List<Delivery> byEmailOnly = channels.of(notice);
        assertThat(byEmailOnly).extracting(Delivery::channel).containsExactly(Channel.EMAIL);
        channels.runAll(byEmailOnly);
        assertThat(Channels.text(channels.mailsTo("member@qingxi.gov.cn").get(0))).contains("议题内容：测试用的议题内容");

        tasklist.submit(s.number(), ConsultationProcess.TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());
        tasklist.submit(s.number(), ConsultationProcess.TASK_REVIEW_RESEARCH, TOWNSHIP.user(Role.HOST),
                Forms.answer("researchAccepted", true, "同意召开"));
        Notification invitation = only(member, NotificationKind.MEETING_INVITATION, s.number());
        assertThat(invitation.subject()).isEqualTo("【会议通知】测试议题：乡镇协商议事会");
        assertThat(invitation.body()).contains("在议事室召开协商议事会，主持人：主持人");
        channels.runAll(channels.of(invitation));
        assertThat(channels.sms().delivered()).extracting(Sms::content).singleElement()
                .satisfies(text -> assertThat(text).startsWith("定于").endsWith("在议事室召开“测试议题：乡镇”协商议事会，请准时出席。"));
    }

    @Test
    void aRejectedTopicTellsTheInitiatorAndTheCitizensWhoRaisedItWhy() {
        var s = scenarios.at(TOWNSHIP);
        long citizen = citizens.insert("张三", "13900000001", EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), citizen, CitizenRelation.RAISED);
        s.startBefore(ConsultationProcess.TASK_APPROVE_TOPIC);

        tasklist.submit(s.number(), ConsultationProcess.TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY),
                Forms.topicDecision("REJECT", "已纳入信访程序办理"));

        assertThat(only(TOWNSHIP.organiser(), NotificationKind.TOPIC_REJECTED, s.number()).body())
                .isEqualTo("您发起的议题“测试议题：乡镇”（" + s.number() + "）经党组织审定不予采纳。\n理由：已纳入信访程序办理");
        Notification toCitizen = only(NotificationService.citizenRecipient(citizen), NotificationKind.TOPIC_REJECTED, null);
        assertThat(toCitizen.body()).doesNotContain("张三", "13900000001");
        channels.runAll(channels.of(toCitizen));
        assertThat(channels.sms().delivered()).singleElement().satisfies(sms -> {
            assertThat(sms.mobile()).isEqualTo("13900000001");
            assertThat(sms.content()).isEqualTo("您反映的“测试议题：乡镇”经审定暂不纳入协商，理由：已纳入信访程序办理。感谢您的参与。");
        });
    }

    @Test
    void remindersComeBeforeATimeLimitAndEscalationsAfterIt() {
        channels.reach("yunling.liaison", null, "13800000004").reach("qingxi.supervisor", "supervisor@qingxi.gov.cn", "13800000005");
        var s = scenarios.at(TOWNSHIP);
        Deadline deadline = new Deadline("撰写协商纪要", "测试议题：乡镇", s.number(), EngineClock.now().plusDays(2),
                s.id(), null);
        deadlines.remindBeforeDue(deadline, List.of(), List.of("yunling-liaison"));
        Notification reminder = only("yunling.liaison", NotificationKind.REMINDER, s.number());
        assertThat(reminder.subject()).startsWith("【提醒】撰写协商纪要将于").endsWith("到期");
        channels.runAll(channels.of(reminder));
        assertThat(channels.sms().delivered()).extracting(Sms::content).singleElement()
                .satisfies(text -> assertThat(text).startsWith("“测试议题：乡镇”的“撰写协商纪要”将于"));

        // the minutes' time limit has passed: the organisers are reminded, the county supervisors told
        s.approved().planned(ConsultationForm.MEETING, false).withParticipants().researched(true).consulted();
        notices.deadlinePassed(new ConsultationNotices.Overdue(s.id(), ConsultationProcess.TASK_DRAFT_MINUTES,
                "撰写协商纪要", EngineClock.now(), new ConsultationNotices.Holders(List.of(), List.of("yunling-liaison"))));
        assertThat(only("yunling.liaison", NotificationKind.REMINDER, s.number(), "【催办】").body())
                .contains("的“撰写协商纪要”已于", "逾期0天尚未完成");
        Notification escalation = only("qingxi.supervisor", NotificationKind.ESCALATION, s.number());
        assertThat(escalation.subject()).isEqualTo("【督办】撰写协商纪要逾期未办：测试议题：乡镇");
        assertThat(escalation.body()).contains("当前办理：云岭镇政协联络组（同心圆工作室）");
        channels.runAll(channels.of(escalation));
        assertThat(channels.mailsTo("supervisor@qingxi.gov.cn")).extracting(Channels::subject)
                .containsExactly("【督办】撰写协商纪要逾期未办：测试议题：乡镇");
        assertThat(channels.sms().delivered()).extracting(Sms::mobile).contains("13800000005");
    }

    @Test
    void feedbackOnAResultReachesTheResidentMembersAndTheCitizensConcerned() {
        channels.reach("yunling.member", "member@yunling.gov.cn", null);
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted().minutesFiled(EnumSet.of(Mechanism.FEEDBACK));
        long citizen = citizens.insert("李四", "13900000002", EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), citizen, CitizenRelation.AFFECTED);
        long itemId = transfers.idsFor(s.id(), Mechanism.FEEDBACK.name()).get(0);

        feedback.report(itemId, Adoption.ADOPTED, "已列入今年修缮计划，9月底前完工", false, TOWNSHIP.organiser());
        feedback.send(itemId);

        Notification toMember = only("yunling.member", NotificationKind.FEEDBACK, s.number());
        assertThat(toMember.subject()).isEqualTo("【阶段反馈】测试议题：乡镇");
        assertThat(toMember.body()).isEqualTo("“测试议题：乡镇”（" + s.number()
                + "）的协商成果事项：\n事项\n意见采纳情况：已采纳\n办理情况：已列入今年修缮计划，9月底前完工");
        channels.runAll(channels.of(toMember));
        assertThat(channels.mailsTo("member@yunling.gov.cn")).extracting(Channels::subject)
                .containsExactly("【阶段反馈】测试议题：乡镇");
        Notification toCitizen = only(NotificationService.citizenRecipient(citizen), NotificationKind.FEEDBACK, s.number());
        channels.runAll(channels.of(toCitizen));
        assertThat(channels.sms().delivered()).singleElement().satisfies(sms -> {
            assertThat(sms.mobile()).isEqualTo("13900000002");
            assertThat(sms.content()).isEqualTo("您关心的“测试议题：乡镇”，“事项”办理情况：已列入今年修缮计划，9月底前完工。感谢您的参与。");
        });
    }

    @Test
    void theSatisfactionSurveyLinkGoesToEachCitizenByTextMessage() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted().minutesFiled(EnumSet.of(Mechanism.FEEDBACK));
        long citizen = citizens.insert("王五", "13900000003", EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), citizen, CitizenRelation.RAISED);
        long itemId = transfers.idsFor(s.id(), Mechanism.FEEDBACK.name()).get(0);

        feedback.report(itemId, Adoption.ADOPTED, "已办结", true, TOWNSHIP.organiser());
        feedback.send(itemId);

        Notification survey = only(NotificationService.citizenRecipient(citizen), NotificationKind.SURVEY, s.number());
        assertThat(survey.link()).startsWith("http://localhost:8080/public/rate.html?t=")
                .hasSizeGreaterThan("http://localhost:8080/public/rate.html?t=".length() + 30);
        channels.runAll(channels.of(survey));
        assertThat(channels.sms().delivered()).extracting(Sms::content).singleElement()
                .satisfies(text -> assertThat(text).startsWith("您关心的“测试议题：乡镇”已办理完毕，请于")
                        .endsWith("前进行满意度评价：" + survey.link()));
    }

    @Test
    void minutesSentToTheGovernmentAreInItsMembersInboxes() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted().minutesFiled(EnumSet.of(Mechanism.ASSIGNMENT));
        notices.sendMinutes(s.id());
        Notification minutes = only("yunling.government", NotificationKind.MINUTES_SENT, s.number());
        assertThat(minutes.subject()).isEqualTo("【协商纪要】测试议题：乡镇");
        assertThat(minutes.body()).endsWith("协商纪要已经主持人审核，现予呈送。\n\n纪要");
    }

    // ---- helpers

    /** The user's messages of one kind about one consultation (by its number; null: any). */
    private List<Notification> of(String recipient, NotificationKind kind, String number) {
        Long consultationId = number == null ? null : consultations.getByNumber(number).id();
        return notifications.inbox(recipient).stream()
                .filter(n -> n.kind() == kind && (consultationId == null || consultationId.equals(n.consultationId())))
                .toList();
    }

    private Notification only(String recipient, NotificationKind kind, String number) {
        List<Notification> found = of(recipient, kind, number);
        assertThat(found).as(recipient + " " + kind).hasSize(1);
        return found.get(0);
    }

    private Notification only(String recipient, NotificationKind kind, String number, String subjectPrefix) {
        List<Notification> found = of(recipient, kind, number).stream().filter(n -> n.subject().startsWith(subjectPrefix)).toList();
        assertThat(found).as(recipient + " " + kind).hasSize(1);
        return found.get(0);
    }

    private List<Notification> tasks(String recipient, String number) {
        return of(recipient, NotificationKind.TASK, number);
    }

    private void as(String userId, Runnable work) {
        identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList(), identityService.createTenantQuery().userMember(userId)
                .includingGroupsOfUser(true).list().stream().map(t -> t.getId()).toList());
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.TransferForms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferStatus;
import cn.cppcc.consult.transfer.feedback.RatingService;

/**
 * {@code Consultation.bpmn}: the whole pipeline in one test, each detour started where it begins.
 * Tasks are worked as Tasklist works them (claim, submit the form as its user).
 */
@ConsultTest
class ConsultationProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired TasklistDriver tasklist;
    @Autowired Scenarios scenarios;
    @Autowired ConsultationService consultations;
    @Autowired ResearchService research;
    @Autowired DeliberationService deliberation;
    @Autowired MinutesService minutes;
    @Autowired TransferService transfers;
    @Autowired NotificationService notifications;
    @Autowired Timeline timeline;
    @Autowired ConsultationLauncher launcher;
    @Autowired TopicRepository topics;
    @Autowired Mechanisms mechanisms;
    @Autowired RatingService ratings;
    @Autowired CitizenRepository citizens;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void meetingConsultationRunsFromTopicToArchiveThroughAllFourMechanisms() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("镇区道路修缮"));
        String number = pi.getBusinessKey();
        Consultation c = consultations.getByNumber(number);
        long citizen = citizens.insert("吴大姐", "13700000000", EngineClock.now());
        citizens.link(c.topicId(), citizen, CitizenRelation.RAISED);
        assertThat(number).startsWith("XS");
        assertThat(c.placeCode()).isEqualTo(TOWNSHIP.code());
        assertThat(c.kind()).isEqualTo(ConsultationKind.GRASSROOTS);
        assertThat(pi).isWaitingAt(TASK_APPROVE_TOPIC).task().hasCandidateGroup("yunling-party");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("title", "description", "source");

        submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("APPROVE", null));
        assertThat(pi).isWaitingAt(TASK_DRAFT_PLAN).task().hasCandidateGroup("yunling-liaison");
        submit(number, TASK_DRAFT_PLAN, TOWNSHIP.organiser(), Forms.plan("MEETING", false));
        submit(number, TASK_DRAFT_PARTICIPANTS, TOWNSHIP.organiser(), Forms.participants(TOWNSHIP.countyUser(Role.MEMBER)));
        submit(number, TASK_APPROVE_PARTICIPANTS, Role.PARTY, Forms.answer("participantsApproved", true, null));

        assertThat(pi).hasPassed(TASK_SEND_ADVANCE_NOTICE).isWaitingAt(TASK_CONDUCT_RESEARCH);
        assertThat(notificationsOf(TOWNSHIP.countyUser(Role.MEMBER), c.id()))
                .extracting(Notification::kind).containsExactly(NotificationKind.ADVANCE_NOTICE);

        submit(number, TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());
        assertThat(pi).task().hasCandidateGroup("yunling-host");
        submit(number, TASK_REVIEW_RESEARCH, Role.HOST, Forms.answer("researchAccepted", true, null));
        assertThat(pi).hasPassed(GATEWAY_PREPARATION_JOIN).isWaitingAt(TASK_HOLD_MEETING);

        submit(number, TASK_HOLD_MEETING, TOWNSHIP.organiser(), Forms.meeting(participantIds(c.id())));
        submit(number, TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), Forms.minutes(
                List.of("ASSIGNMENT", "FEEDBACK"), List.of("ESCALATION", "INQUIRY")));
        submit(number, TASK_REVIEW_MINUTES, Role.HOST, Forms.answer("minutesApproved", true, null));
        assertThat(pi).hasPassed(TASK_SEND_MINUTES).isWaitingAt(TASK_FILE_MINUTES)
                .task().hasCandidateGroup("qingxi-liaisoncommittee");
        assertThat(notificationsOf("yunling.government", c.id()))
                .extracting(Notification::kind).containsExactly(NotificationKind.MINUTES_SENT);

        // the process holds references and routing flags only; the records are in the project's tables
        assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("initiator", "consultationId",
                "placeCode", "topicApproved", "topicDecision", "consultationForm", "sensitive", "participantsApproved",
                "researchAccepted", "minutesApproved");
        tasklist.submit(number, TASK_FILE_MINUTES, TOWNSHIP.countyUser(Role.LIAISON_COMMITTEE),
                Map.of("filingNumber", "云协备〔2026〕1号"));

        // four mechanisms in flight at once, one process each per item that chose it
        assertThat(pi).isWaitingAt(CALL_ASSIGNMENT, CALL_ESCALATION, CALL_INQUIRY, CALL_FEEDBACK);
        List<ResultItem> items = minutes.resultItems(c.id());
        ResultItem road = items.get(0);
        ResultItem proposal = items.get(1);
        String place = TOWNSHIP.code();
        mechanisms.submit(number, place, "Task_AssignDepartments", road.id(), TransferForms.assignOne());
        mechanisms.submit(number, place, "Task_HandleAssignment", road.id(), TransferForms.done("已完成修缮"));
        mechanisms.submit(number, place, "Task_DraftEscalation", proposal.id(),
                TransferForms.draft("PROPOSAL", "关于镇区道路长效管护的提案"));
        mechanisms.submit(number, place, "Task_ReviewEscalation", proposal.id(), TransferForms.review(true, null));
        mechanisms.submit(number, place, "Task_RegisterEscalation", proposal.id(), TransferForms.register("提-" + number));
        mechanisms.submit(number, place, "Task_RecordEscalationAnswer", proposal.id(), TransferForms.answer("ADOPTED"));
        mechanisms.submit(number, place, "Task_InquireEffectiveness", proposal.id(), TransferForms.inquire());
        mechanisms.submit(number, place, "Task_EvaluateResult", proposal.id(), TransferForms.evaluate("SATISFIED", null));
        assertThat(pi).isWaitingAt(CALL_FEEDBACK).isNotEnded();

        // the final feedback reaches the citizen who raised the topic, who rates it from the link
        mechanisms.submit(number, place, "Task_ReportFeedback", road.id(), TransferForms.feedback(true, "道路已修缮完毕"));
        assertThat(pi).isWaitingAt(CALL_FEEDBACK).isNotEnded();
        Notification invitation = notificationsOf(NotificationService.citizenRecipient(citizen), c.id()).stream()
                .filter(n -> n.kind() == NotificationKind.SURVEY).findFirst().orElseThrow();
        ratings.rate(invitation.body().substring(invitation.body().indexOf("?t=") + 3), Satisfaction.SATISFIED, null);

        assertThat(pi).hasPassed(TASK_CLOSE).isEnded();
        Consultation closed = consultations.get(c.id());
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.outcome()).isEqualTo(Outcome.CONSENSUS);
        assertThat(consultations.topicOf(closed).status()).isEqualTo(TopicStatus.CLOSED);
        assertThat(minutes.latest(c.id()).filingNumber()).isEqualTo("云协备〔2026〕1号");
        assertThat(minutes.resultItems(c.id())).allSatisfy(item -> assertThat(transfers.transfers(item.id()))
                .hasSize(2).allSatisfy(t -> assertThat(t.status()).isEqualTo(TransferStatus.DONE)));
        assertThat(timeline.of(c.id())).extracting(TimelineEvent::action)
                .contains("发起协商", "审定议题：同意", "调研报告通过", "协商结果：达成共识", "纪要报县政协联络委备案",
                        "交办办结", "转报办结", "问效办结", "群众评价：满意", "反馈办结", "结项归档");
    }

    @Test
    void aTopicApprovedInAPlanGoesStraightToTheImplementationPlan() {
        long topicId = topics.insert(new Topic(null, "YT-PLAN-" + System.nanoTime(), "年度计划议题", "计划内容",
                TopicSource.PARTY_GOVERNMENT, PlaceLevel.TOWNSHIP, TOWNSHIP.code(), TopicStatus.APPROVED, null,
                TOWNSHIP.organiser(), EngineClock.now(), EngineClock.now()));

        Consultation c = launcher.launch(topicId, TOWNSHIP.organiser(), false);

        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.number())
                .singleResult();
        assertThat(pi).hasPassed(GATEWAY_TOPIC_APPROVED, GATEWAY_PLAN_MERGE).hasNotPassed(TASK_APPROVE_TOPIC)
                .isWaitingAt(TASK_DRAFT_PLAN);
        assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        assertThat(c.stage()).isEqualTo(Stage.PLANNING);
        assertThat(consultations.topicOf(c).status()).isEqualTo(TopicStatus.IN_CONSULTATION);
    }

    @Test
    void returnedTopicIsRevisedAndApprovedAgain() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("原标题"));
        String number = pi.getBusinessKey();
        submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("REVISE", "请聚焦一个村"));

        assertThat(pi).isWaitingAt(TASK_REVISE_TOPIC);
        Task revise = tasklist.task(number, TASK_REVISE_TOPIC);
        assertThat(taskService.getVariableLocal(revise.getId(), "previousComment")).isEqualTo("请聚焦一个村");
        Consultation c = consultations.getByNumber(number);
        assertThat(consultations.topicOf(c).status()).isEqualTo(TopicStatus.REVISING);

        tasklist.submit(revise, TOWNSHIP.organiser(), Forms.revisedTopic("水口村道路修缮"));
        assertThat(pi).isWaitingAt(TASK_APPROVE_TOPIC);
        assertThat(consultations.topicOf(c).title()).isEqualTo("水口村道路修缮");
        assertThat(consultations.topicOf(c).status()).isEqualTo(TopicStatus.PENDING_APPROVAL);

        submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("APPROVE", ""));
        assertThat(pi).isWaitingAt(TASK_DRAFT_PLAN);
    }

    @Test
    void rejectedTopicEndsWithTheReasonRecordedAndTheInitiatorTold() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("涉诉事项"));
        String number = pi.getBusinessKey();
        Consultation c = consultations.getByNumber(number);

        submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("REJECT", "已进入诉讼程序（涉法涉诉）"));

        assertThat(pi).hasPassed(TASK_NOTIFY_REJECTION, END_TOPIC_REJECTED).isEnded();
        Consultation rejected = consultations.get(c.id());
        assertThat(rejected.stage()).isEqualTo(Stage.REJECTED);
        assertThat(rejected.closedAt()).isNotNull();
        assertThat(consultations.topicOf(rejected).status()).isEqualTo(TopicStatus.REJECTED);
        assertThat(consultations.topicOf(rejected).rejectionReason()).isEqualTo("已进入诉讼程序（涉法涉诉）");
        assertThat(notificationsOf(TOWNSHIP.organiser(), c.id())).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("已进入诉讼程序（涉法涉诉）"));
        // the reason is in the engine's history too: as a task comment and as the submitted form value
        assertThat(taskService.getProcessInstanceComments(pi.getId())).extracting(comment -> comment.getFullMessage())
                .containsExactly("不予采纳：已进入诉讼程序（涉法涉诉）");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("reason").includeDeleted().singleResult().getValue())
                .isEqualTo("已进入诉讼程序（涉法涉诉）");
    }

    @Test
    void rejectingWithoutAReasonIsRefusedAndChangesNothing() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("无理由"));
        String number = pi.getBusinessKey();
        Consultation c = consultations.getByNumber(number);
        int events = timeline.of(c.id()).size();

        assertThatThrownBy(() -> submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("REJECT", " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("不予采纳须填写理由");
        assertThatThrownBy(() -> submit(number, TASK_APPROVE_TOPIC, Role.PARTY, Forms.topicDecision("MAYBE", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("审定意见的取值“MAYBE”无效");

        assertThat(pi).isWaitingAt(TASK_APPROVE_TOPIC);
        assertThat(consultations.topicOf(c).status()).isEqualTo(TopicStatus.PENDING_APPROVAL);
        assertThat(timeline.of(c.id())).hasSize(events);
    }

    @Test
    void participantsNotApprovedAreDrawnUpAgain() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false);
        ProcessInstance pi = s.startBefore(TASK_DRAFT_PARTICIPANTS);

        Map<String, Object> cadresOnly = Map.of("participants", TasklistDriver.json(List.of(
                Map.of("name", "王委员", "category", "MEMBER"), Map.of("name", "赵干部", "category", "DEPARTMENT"))));
        assertThatThrownBy(() -> tasklist.submit(s.number(), TASK_DRAFT_PARTICIPANTS, TOWNSHIP.organiser(), cadresOnly))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("群众代表或利益相关方代表");

        submit(s.number(), TASK_DRAFT_PARTICIPANTS, TOWNSHIP.organiser(), Forms.participants(TOWNSHIP.countyUser(Role.MEMBER)));
        submit(s.number(), TASK_APPROVE_PARTICIPANTS, Role.PARTY, Forms.answer("participantsApproved", false, "请增加受影响住户代表"));

        assertThat(pi).hasPassed(GATEWAY_PARTICIPANTS_MERGE).isWaitingAt(TASK_DRAFT_PARTICIPANTS);
        Task redraft = tasklist.task(s.number(), TASK_DRAFT_PARTICIPANTS);
        assertThat(taskService.getVariableLocal(redraft.getId(), "previousComment")).isEqualTo("请增加受影响住户代表");
        assertThat(taskService.getVariableLocal(redraft.getId(), "participants").toString()).contains("李群众");
    }

    @Test
    void sensitiveIssueIsPreBriefedToThePartyBeforeTheMeeting() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, true).withParticipants();
        ProcessInstance pi = s.startBefore(GATEWAY_PREPARATION_SPLIT);

        assertThat(pi).isWaitingAt(TASK_CONDUCT_RESEARCH, TASK_PRE_BRIEF_PARTY);
        submit(s.number(), TASK_PRE_BRIEF_PARTY, Role.PARTY, Map.of("guidance", "注意做好群众思想工作"));
        submit(s.number(), TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());
        submit(s.number(), TASK_REVIEW_RESEARCH, Role.HOST, Forms.answer("researchAccepted", true, null));

        assertThat(pi).hasPassed(GATEWAY_SENSITIVE_MERGE, GATEWAY_PREPARATION_JOIN).isWaitingAt(TASK_HOLD_MEETING);
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::comment).contains("注意做好群众思想工作");
    }

    @Test
    void aReturnedResearchReportLoopsAndTheMeetingWaitsForAnAcceptedOne() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants();
        ProcessInstance pi = s.startBefore(GATEWAY_PREPARATION_SPLIT);
        submit(s.number(), TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());

        assertThatThrownBy(() -> submit(s.number(), TASK_REVIEW_RESEARCH, Role.HOST,
                Forms.answer("researchAccepted", false, null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("退回调研报告须说明理由");
        assertThat(research.latest(s.id()).status()).isEqualTo(ReviewStatus.SUBMITTED);

        submit(s.number(), TASK_REVIEW_RESEARCH, Role.HOST, Forms.answer("researchAccepted", false, "缺少入户走访"));
        assertThat(pi).hasPassed(GATEWAY_RESEARCH_MERGE).isWaitingAt(TASK_CONDUCT_RESEARCH).hasNotPassed(TASK_HOLD_MEETING);
        assertThat(research.latest(s.id()).status()).isEqualTo(ReviewStatus.RETURNED);
        assertThat(research.latest(s.id()).reviewComment()).isEqualTo("缺少入户走访");
        assertThat(taskService.getVariableLocal(tasklist.task(s.number(), TASK_CONDUCT_RESEARCH).getId(),
                "previousComment")).isEqualTo("缺少入户走访");

        submit(s.number(), TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());
        submit(s.number(), TASK_REVIEW_RESEARCH, Role.HOST, Forms.answer("researchAccepted", true, null));
        assertThat(pi).isWaitingAt(TASK_HOLD_MEETING);
        assertThat(research.latest(s.id()).round()).isEqualTo(2);
    }

    @Test
    void aMeetingCannotBeRecordedWithoutAnAcceptedResearchReport() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(false);
        s.startBefore(TASK_HOLD_MEETING);

        assertThatThrownBy(() -> submit(s.number(), TASK_HOLD_MEETING, TOWNSHIP.organiser(),
                Forms.meeting(participantIds(s.id()))))
                .hasMessageContaining("不调研不协商");
        assertThat(deliberation.opinions(s.id())).isEmpty();
    }

    @Test
    void writtenConsultationGivesEachParticipantATaskOfTheirOwn() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.WRITTEN, false).withParticipants()
                .researched(true);
        ProcessInstance pi = s.startBefore(GATEWAY_CONSULTATION_FORM);

        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_SUBMIT_WRITTEN_OPINION).list();
        assertThat(tasks).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(TOWNSHIP.countyUser(Role.MEMBER), null);
        for (Task task : tasks) {
            String user = task.getAssignee() != null ? task.getAssignee() : TOWNSHIP.organiser();
            tasklist.submit(task, user, Map.of("opinion", "书面意见：" + user));
        }

        assertThat(pi).hasPassed(GATEWAY_OPINIONS_MERGE).isWaitingAt(TASK_SUMMARISE_OPINIONS);
        Task summarise = tasklist.task(s.number(), TASK_SUMMARISE_OPINIONS);
        assertThat((String) taskService.getVariableLocal(summarise.getId(), "opinionsSummary"))
                .contains("【书面协商】王委员：书面意见：qingxi.member", "【书面协商】李群众：书面意见：yunling.liaison");
        tasklist.submit(summarise, TOWNSHIP.organiser(), Map.of("outcome", "PARTIAL", "summary", "部分达成共识"));
        assertThat(pi).hasPassed(GATEWAY_CONSULTATION_HELD).isWaitingAt(TASK_DRAFT_MINUTES);
        assertThat(consultations.get(s.id()).outcome()).isEqualTo(Outcome.PARTIAL);
    }

    /** The online form's path; people posting opinions to it: {@code participation.OnlineConsultationProcessTest}. */
    @Test
    void onlineConsultationWaitsForItsClosingTimeThenItsOpinionsAreSummedUp() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.ONLINE, false).withParticipants()
                .researched(true);
        ProcessInstance pi = s.startBefore(GATEWAY_CONSULTATION_FORM);
        assertThat(pi).isWaitingAt(EVENT_ONLINE_CLOSED);

        Date closing = consultations.onlineClosingTime(s.id());
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(closing);

        ClockUtil.setCurrentTime(new Date(closing.getTime() + 1000));
        managementService.executeJob(timer.getId());

        assertThat(pi).hasPassed(EVENT_ONLINE_CLOSED, GATEWAY_OPINIONS_MERGE).isWaitingAt(TASK_SUMMARISE_OPINIONS);
        assertThat((String) taskService.getVariableLocal(tasklist.task(s.number(), TASK_SUMMARISE_OPINIONS).getId(),
                "opinionsSummary")).startsWith("网络协商截至").endsWith("未收到有效意见。");
    }

    @Test
    void returnedMinutesAreDraftedAgain() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted();
        ProcessInstance pi = s.startBefore(TASK_DRAFT_MINUTES);

        Map<String, Object> noDepartment = Map.of("minutes", "纪要", "resultItems", TasklistDriver.json(
                List.of(Map.of("content", "事项", "mechanisms", List.of("ASSIGNMENT")))));
        assertThatThrownBy(() -> submit(s.number(), TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), noDepartment))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("成果事项第1项选择了交办，须填写责任部门");

        submit(s.number(), TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), Forms.minutes(List.of("FEEDBACK")));
        submit(s.number(), TASK_REVIEW_MINUTES, Role.HOST, Forms.answer("minutesApproved", false, "补充部门回应"));
        assertThat(pi).hasPassed(GATEWAY_MINUTES_MERGE).isWaitingAt(TASK_DRAFT_MINUTES);
        Task redraft = tasklist.task(s.number(), TASK_DRAFT_MINUTES);
        assertThat(taskService.getVariableLocal(redraft.getId(), "previousComment")).isEqualTo("补充部门回应");
        assertThat(taskService.getVariableLocal(redraft.getId(), "minutes")).isEqualTo("协商纪要正文");

        tasklist.submit(redraft, TOWNSHIP.organiser(), Forms.minutes(List.of("FEEDBACK")));
        assertThat(minutes.latest(s.id()).round()).isEqualTo(2);
        submit(s.number(), TASK_REVIEW_MINUTES, Role.HOST, Forms.answer("minutesApproved", true, null));
        assertThat(pi).isWaitingAt(TASK_FILE_MINUTES);
    }

    @Test
    void minutesWithoutResultItemsCloseTheConsultationOnceFiled() {
        var s = scenarios.at(Places.VILLAGE).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted().minutesFiled();
        ProcessInstance pi = s.startBefore(GATEWAY_TRANSFER_SPLIT);

        assertThat(pi).hasPassed(GATEWAY_TRANSFER_JOIN, TASK_CLOSE).isEnded();
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
                .isZero();
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void onlyOrganisersMayStartAConsultation() {
        assertThatThrownBy(() -> tasklist.start(TOWNSHIP.user(Role.PARTY), KEY, Forms.startConsultation("越权发起")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("的工作人员可以发起协商");
        assertThatThrownBy(() -> tasklist.start(TOWNSHIP.organiser(), KEY, Map.of("title", "缺内容", "source", "OFFLINE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请填写议题内容");
    }

    @Test
    void countyAndVillageWorkGoesToTheirOwnGroups() {
        ProcessInstance county = tasklist.start(Places.COUNTY.organiser(), KEY, Forms.startConsultation("县级议题"));
        assertThat(county).task().hasCandidateGroup("qingxi-party");
        assertThat(consultations.getByNumber(county.getBusinessKey()).kind()).isEqualTo(ConsultationKind.CPPCC);

        var s = scenarios.at(Places.VILLAGE).approved();
        assertThat(s.startBefore(TASK_DRAFT_PLAN)).task().hasCandidateGroup("shuikou-village");
    }

    private void submit(String number, String taskKey, Role role, Map<String, Object> form) {
        submit(number, taskKey, TOWNSHIP.user(role), form);
    }

    private void submit(String number, String taskKey, String user, Map<String, Object> form) {
        tasklist.submit(number, taskKey, user, form);
    }

    private List<String> participantIds(long consultationId) {
        return consultations.participantIds(consultationId).stream().map(String::valueOf).toList();
    }

    private List<Notification> notificationsOf(String user, long consultationId) {
        return notifications.inbox(user).stream()
                .filter(n -> Long.valueOf(consultationId).equals(n.consultationId()))
                .toList();
    }
}

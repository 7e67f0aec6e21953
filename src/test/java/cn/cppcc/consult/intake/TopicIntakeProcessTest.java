package cn.cppcc.consult.intake;

import static cn.cppcc.consult.intake.TopicIntakeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Jobs;
import cn.cppcc.consult.support.Topics;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicDetails;
import cn.cppcc.consult.topic.TopicEvent;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * {@code TopicIntake.bpmn} with the real {@code TopicScreening.dmn} and {@code TopicLevel.dmn}: every
 * source and channel, every screening and level outcome, overrides with and without a reason.
 */
@ConsultTest
class TopicIntakeProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired TasklistDriver tasklist;
    @Autowired IntakeService intake;
    @Autowired TopicHistory history;
    @Autowired NotificationService notifications;
    @Autowired CitizenRepository citizens;
    @Autowired ManagementService managementService;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @ParameterizedTest(name = "{0} 由 {2} 登记")
    @CsvSource({
            "PARTY_GOVERNMENT, COUNTY, qingxi.partyoffice, 县委办公室, qingxi, qingxi-office",
            "PARTY_GOVERNMENT, PROVINCE, qingxi.party, 省委办公厅交办, qingxi, qingxi-office",
            "MEMBER, COUNTY, qingxi.member, 政协委员王建国, qingxi, qingxi-office",
            "PARTICIPATING_UNIT, CITY, qingxi.office, 县工商联, qingxi, qingxi-office",
            "OFFLINE, VILLAGE, shuikou.village, 群众来信, shuikou, yunling-liaison",
            "MEMBER, TOWNSHIP, yunling.member, 镇政协委员, yunling, yunling-liaison"})
    void eachStaffSourceIsRecordedWithItsSourceAndLevelAndScreenedWhereItBelongs(String source, String level,
            String user, String proposer, String place, String screeners) {
        ProcessInstance pi = tasklist.start(user, KEY, Topics.staffTopic(source, level, proposer, "议题：" + source));

        Topic topic = topicOf(pi);
        assertThat(pi.getBusinessKey()).isEqualTo(topic.number());
        assertThat(topic.source()).isEqualTo(TopicSource.valueOf(source));
        assertThat(topic.sourceLevel()).isEqualTo(PlaceLevel.valueOf(level));
        assertThat(topic.placeCode()).isEqualTo(place);
        assertThat(topic.status()).isEqualTo(TopicStatus.SUBMITTED);
        assertThat(topic.createdBy()).isEqualTo(user);
        TopicDetails details = intake.details(topic.id());
        assertThat(details.proposer()).isEqualTo(proposer);
        assertThat(details.affectedCount()).isEqualTo(120);
        assertThat(pi).isWaitingAt(TASK_SCREEN).task().hasCandidateGroup(screeners);
        assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("topicId", "placeCode", "initiator");
    }

    @Test
    void staffCannotRegisterOnlineTopicsOrLeaveOutTheProposer() {
        assertThatThrownBy(() -> tasklist.start("qingxi.office", KEY, Topics.staffTopic("ONLINE", "COUNTY", "x", "网络")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("网络征题由群众在议题征集页面提交");
        assertThatThrownBy(() -> tasklist.start("qingxi.member", KEY, Topics.staffTopic("MEMBER", "COUNTY", "", "无人")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("委员荐题须填写提出单位或委员");
        Map<String, Object> badCount = Topics.staffTopic("OFFLINE", "VILLAGE", null, "人数");
        badCount.put("affectedCount", -3);
        assertThatThrownBy(() -> tasklist.start("shuikou.village", KEY, badCount))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("涉及群众人数应为1至");
    }

    @Test
    void aCitizensOnlineTopicEntersIntakeHoldingNoPersonalData() {
        ProcessInstance pi = online("村口道路照明不足", "shuikou");
        Topic topic = topicOf(pi);

        assertThat(topic.source()).isEqualTo(TopicSource.ONLINE);
        assertThat(topic.sourceLevel()).isEqualTo(PlaceLevel.VILLAGE);
        assertThat(intake.details(topic.id()).receiptNumber()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(citizens.raisersOfTopic(topic.id())).hasSize(1);
        assertThat(pi).isWaitingAt(TASK_SCREEN).task().hasCandidateGroup("yunling-liaison");
        Task screen = task(pi);
        assertThat(taskService.getVariablesLocal(screen.getId()).toString()).doesNotContain("张三", "13912345678");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricVariableInstance::getValue).map(String::valueOf)
                .noneMatch(v -> v.contains("张三") || v.contains("13912345678"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inLitigation, 涉法涉诉不协商", "inPetitionSystem, 纳入信访不协商", "individualOnly, 不具有代表性",
            "settledByPolicy, 明确规定"})
    void eachExclusionRejectsTheTopicWithTheTablesReasonAndTellsTheCitizen(String finding, String reasonPart) {
        ProcessInstance pi = online("议题：" + finding, "shuikou");
        screen(pi, "shuikou", "VILLAGE", finding);

        Task decide = task(pi);
        assertThat(taskService.getVariableLocal(decide.getId(), "ruleConclusion").toString()).contains(reasonPart);
        assertThat(taskService.getVariableLocal(decide.getId(), "intakeDecision")).isEqualTo("REJECT");
        tasklist.submit(decide, "yunling.liaison", Map.of("intakeDecision", "REJECT"));

        assertThat(pi).hasPassed(GATEWAY_ACCEPTED).isWaitingAt(TASK_NOTIFY_REJECTION);
        runJobs(pi);
        assertThat(pi).hasPassed(END_REJECTED).isEnded();
        Topic topic = topicOf(pi);
        assertThat(topic.status()).isEqualTo(TopicStatus.REJECTED);
        assertThat(topic.rejectionReason()).contains(reasonPart);
        long citizen = citizens.raisersOfTopic(topic.id()).get(0);
        assertThat(notifications.inbox(NotificationService.citizenRecipient(citizen))).singleElement()
                .satisfies(n -> assertThat(n.body()).contains(reasonPart, intake.details(topic.id()).receiptNumber()));
        HistoricDecisionInstance rule = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).decisionDefinitionKey(SCREENING_DECISION).includeOutputs()
                .singleResult();
        assertThat(rule.getOutputs()).anySatisfy(o -> assertThat(String.valueOf(o.getValue())).contains(reasonPart));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void withoutExclusionsStaffJudgeAndARejectionNeedsAReasonToldToTheStaffSubmitter() {
        ProcessInstance pi = tasklist.start("qingxi.member", KEY,
                Topics.staffTopic("MEMBER", "COUNTY", "政协委员", "范围过大的议题"));
        screen(pi, "qingxi", "COUNTY");
        Task decide = task(pi);
        assertThat(taskService.getVariableLocal(decide.getId(), "ruleConclusion").toString()).contains("小切口、可操作、能见效");
        assertThat(taskService.getVariableLocal(decide.getId(), "intakeDecision")).isNull();

        assertThatThrownBy(() -> tasklist.submit(decide, "qingxi.office", Map.of("intakeDecision", "REJECT")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("不予受理须写明理由，理由将告知提出人");
        tasklist.submit(decide, "qingxi.office", Map.of("intakeDecision", "REJECT", "reason", "切口过大，不具备可操作性"));
        runJobs(pi);

        assertThat(pi).hasPassed(TASK_NOTIFY_REJECTION).isEnded();
        assertThat(notifications.inbox("qingxi.member")).filteredOn(n -> n.subject().contains("范围过大的议题"))
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(NotificationKind.TOPIC_REJECTED);
                    assertThat(n.body()).contains("切口过大，不具备可操作性");
                });
    }

    @Test
    void acceptingWhatTheRulesRejectNeedsAWrittenReasonKeptInHistory() {
        ProcessInstance pi = online("涉诉但涉及面广的议题", "shuikou");
        screen(pi, "shuikou", "VILLAGE", "inLitigation");
        Task decide = task(pi);
        Topic topic = topicOf(pi);
        int events = history.of(topic.id()).size();

        Map<String, Object> accept = new HashMap<>(Map.of("intakeDecision", "ACCEPT", "consultationKind", "GRASSROOTS"));
        assertThatThrownBy(() -> tasklist.submit(decide, "yunling.liaison", accept))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("改判受理须写明理由");
        assertThat(intake.topic(topic.id()).status()).isEqualTo(TopicStatus.SUBMITTED);
        assertThat(history.of(topic.id())).hasSize(events);

        accept.put("reason", "诉讼仅涉及一户，其余百余户的共性问题可协商");
        tasklist.submit(decide, "yunling.liaison", accept);

        assertThat(intake.screening(topic.id()).overridden()).isTrue();
        assertThat(history.of(topic.id())).extracting(TopicEvent::action, TopicEvent::comment)
                .contains(org.assertj.core.groups.Tuple.tuple("改判：受理（基层协商）", "诉讼仅涉及一户，其余百余户的共性问题可协商"));
        assertThat(taskService.getProcessInstanceComments(pi.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("改判（与规则结论不同）：诉讼仅涉及一户，其余百余户的共性问题可协商");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("reason").includeDeleted().singleResult().getValue())
                .isEqualTo("诉讼仅涉及一户，其余百余户的共性问题可协商");
        assertThat(pi).isWaitingAt(TASK_ROUTE_TO_TOWNSHIP);
    }

    @Test
    void aCountyLevelIssueGoesToTheCountyOfficeAndWaitsForThePlan() {
        ProcessInstance pi = tasklist.start("qingxi.partyoffice", KEY,
                Topics.staffTopic("PARTY_GOVERNMENT", "COUNTY", "县委办公室", "县城停车难"));
        screen(pi, "qingxi", "COUNTY");
        Task decide = task(pi);
        assertThat(taskService.getVariableLocal(decide.getId(), "levelConclusion")).isEqualTo("政协协商");
        assertThat(taskService.getVariableLocal(decide.getId(), "consultationKind")).isEqualTo("CPPCC");
        tasklist.submit(decide, "qingxi.office", Map.of("intakeDecision", "ACCEPT", "consultationKind", "CPPCC"));

        assertThat(pi).hasPassed(GATEWAY_LEVEL).isWaitingAt(TASK_ROUTE_TO_COUNTY);
        runJobs(pi);
        assertThat(pi).hasPassed(GATEWAY_ROUTED).isWaitingAt(EVENT_PLANNED);
        Topic topic = topicOf(pi);
        assertThat(topic.status()).isEqualTo(TopicStatus.ACCEPTED);
        assertThat(intake.details(topic.id()).planPlaceCode()).isEqualTo("qingxi");
        assertThat(inbox("qingxi.office", "县城停车难")).extracting(Notification::kind)
                .containsExactly(NotificationKind.TOPIC_ROUTED);
        assertThat(inbox("qingxi.partyoffice", "县城停车难")).extracting(Notification::kind)
                .containsExactly(NotificationKind.TOPIC_ACCEPTED);
        assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("topicId", "placeCode", "initiator",
                "inLitigation", "inPetitionSystem", "individualOnly", "settledByPolicy", "resolutionLevel",
                "occurrenceLevel", "screeningOutcome", "levelOutcome", "intakeAccepted", "consultationKind");

        runtimeService.createMessageCorrelation(MESSAGE_TOPIC_PLANNED).processInstanceBusinessKey(topic.number())
                .correlateAll();
        runJobs(pi);
        assertThat(pi).hasPassed(TASK_NOTIFY_PLANNED, END_PLANNED).isEnded();
        assertThat(inbox("qingxi.partyoffice", "县城停车难")).extracting(Notification::kind)
                .contains(NotificationKind.TOPIC_PLANNED);
    }

    @Test
    void aVillageIssueSolvableBelowTheCountyGoesToTheTownshipLiaison() {
        ProcessInstance pi = online("村内排水沟堵塞", "lijiawan");
        screen(pi, "lijiawan", "VILLAGE");
        assertThat(taskService.getVariableLocal(task(pi).getId(), "levelConclusion")).isEqualTo("基层协商");
        tasklist.submit(task(pi), "yunling.liaison", Map.of("intakeDecision", "ACCEPT", "consultationKind", "GRASSROOTS"));
        runJobs(pi);

        assertThat(pi).hasPassed(TASK_ROUTE_TO_TOWNSHIP).isWaitingAt(EVENT_PLANNED);
        Topic topic = topicOf(pi);
        assertThat(topic.placeCode()).isEqualTo("lijiawan");
        assertThat(intake.details(topic.id()).planPlaceCode()).isEqualTo("yunling");
        assertThat(intake.details(topic.id()).consultationKind()).isEqualTo("GRASSROOTS");
        assertThat(inbox("yunling.liaison", "村内排水沟堵塞")).extracting(Notification::kind)
                .containsExactly(NotificationKind.TOPIC_ROUTED);
    }

    @Test
    void aLocalIssueNeedingTheCountyIsStaffsChoiceAndAChosenCppccConsultationMovesToTheCounty() {
        ProcessInstance pi = online("镇区学校周边交通安全", "yunling");
        screen(pi, "shuikou", "COUNTY");
        Task decide = task(pi);
        assertThat(taskService.getVariableLocal(decide.getId(), "levelConclusion")).isEqualTo("可上可下，由工作人员选择");
        assertThat(taskService.getVariableLocal(decide.getId(), "consultationKind")).isNull();
        assertThatThrownBy(() -> tasklist.submit(decide, "yunling.liaison", Map.of("intakeDecision", "ACCEPT")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请选择协商层级");

        tasklist.submit(decide, "yunling.liaison", Map.of("intakeDecision", "ACCEPT", "consultationKind", "CPPCC"));
        assertThat(pi).isWaitingAt(TASK_ROUTE_TO_COUNTY);
        Topic topic = topicOf(pi);
        assertThat(topic.placeCode()).isEqualTo("qingxi");
        assertThat(intake.details(topic.id()).occurrencePlaceCode()).isEqualTo("shuikou");
        assertThat(intake.screening(topic.id()).overridden()).isFalse();
    }

    @Test
    void choosingAnotherLevelThanTheRuleNeedsAReason() {
        ProcessInstance pi = online("村级小广场建设", "shuikou");
        screen(pi, "shuikou", "VILLAGE");
        Map<String, Object> up = new HashMap<>(Map.of("intakeDecision", "ACCEPT", "consultationKind", "CPPCC"));
        assertThatThrownBy(() -> tasklist.submit(task(pi), "yunling.liaison", up))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("层级规则结论为基层协商，改为政协协商须写明理由");
        up.put("reason", "涉及全县同类村庄的建设标准");
        tasklist.submit(task(pi), "yunling.liaison", up);
        assertThat(intake.screening(topicOf(pi).id()).overridden()).isTrue();
        assertThat(pi).isWaitingAt(TASK_ROUTE_TO_COUNTY);
    }

    @Test
    void aCountyWideIssueIsConsultedAtTheCountyAndCannotBeMadeGrassroots() {
        ProcessInstance pi = tasklist.start("qingxi.office", KEY,
                Topics.staffTopic("PARTICIPATING_UNIT", "COUNTY", "县妇联", "各镇妇女儿童活动场所"));
        screen(pi, "qingxi", "TOWNSHIP");
        assertThat(taskService.getVariableLocal(task(pi).getId(), "levelConclusion")).isEqualTo("政协协商");
        assertThatThrownBy(() -> tasklist.submit(task(pi), "qingxi.office", Map.of("intakeDecision", "ACCEPT",
                "consultationKind", "GRASSROOTS", "reason", "想改为基层")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不能列为基层协商");
    }

    @Test
    void theOccurrencePlaceMustBeWithinTheScreenersArea() {
        ProcessInstance pi = online("跨镇的议题", "shuikou");
        Task screen = task(pi);
        assertThat(taskService.getVariableLocal(screen.getId(), "placeOptions").toString())
                .contains("shuikou", "lijiawan", "yunling").doesNotContain("taolin");
        assertThatThrownBy(() -> tasklist.submit(screen, "yunling.liaison",
                Map.of("occurrencePlace", "taolin", "resolutionLevel", "VILLAGE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("问题发生地须在本级受理范围内");
    }

    // ---- helpers

    private ProcessInstance online(String title, String place) {
        boolean village = !place.equals("yunling");
        IntakeService.Receipt receipt = intake.submitOnline(new OnlineSubmission("张三", "13912345678", "yunling",
                village ? place : null, title, "群众反映的具体情况，需要协商解决", 35));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.topicNumber())
                .singleResult();
    }

    private void screen(ProcessInstance pi, String occurrence, String resolution, String... findings) {
        Map<String, Object> form = new HashMap<>();
        form.put("occurrencePlace", occurrence);
        form.put("resolutionLevel", resolution);
        for (String f : List.of("inLitigation", "inPetitionSystem", "individualOnly", "settledByPolicy")) {
            form.put(f, List.of(findings).contains(f));
        }
        Task task = task(pi);
        String screener = taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId().replace('-', '.');
        tasklist.submit(task, screener, form);
        assertThat(pi).hasPassed(TASK_SCREENING_RULES, TASK_LEVEL_RULES).isWaitingAt(TASK_DECIDE);
    }

    private void runJobs(ProcessInstance pi) {
        Jobs.runAll(managementService, pi.getId());
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Topic topicOf(ProcessInstance pi) {
        return intake.topic((Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(TOPIC_ID.name()).singleResult().getValue());
    }

    /** The intake's own messages about a topic (task notices for each step are tested with notifications). */
    private List<Notification> inbox(String user, String title) {
        return notifications.inbox(user).stream()
                .filter(n -> n.kind() != NotificationKind.TASK && n.subject().contains(title)).toList();
    }
}

package cn.cppcc.consult.transfer.assignment;

import static cn.cppcc.consult.support.TransferForms.today;
import static cn.cppcc.consult.support.TransferForms.unit;
import static cn.cppcc.consult.transfer.assignment.AssignmentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

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
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Timeline;
import cn.cppcc.consult.consultation.TimelineEvent;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.TransferForms;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferStatus;
import cn.cppcc.consult.transfer.TransferTexts;

/** {@code Assignment.bpmn} (交办): every path, deadlines with the engine clock. */
@ConsultTest
class AssignmentProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Mechanisms mechanisms;
    @Autowired AssignmentService assignments;
    @Autowired TransferService transfers;
    @Autowired Timeline timeline;
    @Autowired CitizenRepository citizens;
    @Autowired ConsultationService consultations;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void departmentsReportProgressUntilEachIsDoneAndFollowersHearOfEveryChange() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK));
        ResultItem item = mechanisms.items(s).get(0);
        long citizen = citizens.insert("赵大妈", "13900001111", EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), citizen, CitizenRelation.RAISED);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ASSIGNMENT, item);

        assertThat(pi).isWaitingAt(TASK_ASSIGN_DEPARTMENTS).task().hasCandidateGroup("yunling-government");
        Task assign = mechanisms.task(s.number(), TASK_ASSIGN_DEPARTMENTS, item.id());
        assertThat(taskService.getVariableLocal(assign.getId(), "units").toString()).contains("县交通局", "\"lead\":true");
        assertThat((String) taskService.getVariableLocal(assign.getId(), "itemTimeline")).contains("【交办】交办开始");
        assertThat((String) taskService.getVariableLocal(assign.getId(), "handlingSummary")).startsWith("交办：办理中，待交办");

        mechanisms.submit(assign, TOWNSHIP.code(), TransferForms.assign(
                unit("县交通局", true, null, today().plusDays(30)),
                unit("镇村建办", false, "yunling.department", today().plusDays(20))));

        assertThat(pi).hasPassed(GATEWAY_ROUTE).isWaitingAt(TASK_HANDLE);
        List<Task> handling = mechanisms.tasks(s.number(), TASK_HANDLE, item.id());
        assertThat(handling).hasSize(2);
        Task transport = unitTask(handling, "县交通局");
        Task township = unitTask(handling, "镇村建办");
        assertThat(transport.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(transport.getId())).extracting(l -> l.getGroupId())
                .contains("yunling-department");
        assertThat(township.getAssignee()).isEqualTo("yunling.department");
        assertThat((String) taskService.getVariableLocal(transport.getId(), "unitSummary"))
                .contains("县交通局（主办）", "交办要求：按期办结并报告");

        mechanisms.submit(transport, TOWNSHIP.code(), TransferForms.progress(40, "已完成设计"));
        Task again = unitTask(mechanisms.tasks(s.number(), TASK_HANDLE, item.id()), "县交通局");
        assertThat(again.getId()).isNotEqualTo(transport.getId());
        assertThat(pi).hasPassed(GATEWAY_UNIT_DONE, GATEWAY_REPORT_MERGE);
        assertThat(taskService.getVariableLocal(again.getId(), "progress")).isEqualTo(40);
        assertThat((String) taskService.getVariableLocal(again.getId(), "progressSummary")).contains("办理中 40%：已完成设计");
        assertThatThrownBy(() -> mechanisms.submit(again, TOWNSHIP.code(), TransferForms.progress(30, "返工")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("完成进度不能低于上次报告的40%");

        mechanisms.submit(township, TOWNSHIP.code(), TransferForms.done("村道排水沟已清理"));
        assertThat(pi).isNotEnded();
        assertThat(mechanisms.tasks(s.number(), TASK_HANDLE, item.id())).hasSize(1);
        // each department's "done" is its own: the other's handling goes on
        assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("consultationId", "placeCode",
                "resultItemId", "assignmentRoute");

        mechanisms.submit(again, TOWNSHIP.code(), TransferForms.done("道路修缮完毕，已通过验收"));

        assertThat(pi).hasPassed(TASK_FINISH, END).isEnded();
        assertThat(transfers.transfer(item.id(), Mechanism.ASSIGNMENT)).get().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TransferStatus.DONE);
            assertThat(t.outcome()).isEqualTo("县交通局（主办）按期办结；镇村建办（协办）按期办结");
        });
        assertThat(assignments.units(item.id())).allSatisfy(u -> assertThat(u.progress()).isEqualTo(100));
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action)
                .contains("交办开始", "交办责任部门", "报告办理进度", "部门办结", "交办办结");
        assertThat(mechanisms.inbox(NotificationService.citizenRecipient(citizen), s.id())).extracting(Notification::kind)
                .contains(NotificationKind.RESULT_PROGRESS)
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(mechanisms.inbox("yunling.member", s.id())).extracting(Notification::body)
                .anySatisfy(body -> assertThat(body).contains("县交通局：办理中，完成40%。已完成设计"))
                .allSatisfy(body -> assertThat(body).doesNotContain("赵大妈", "13900001111"));
        // the organisers learn that the final feedback can be given
        assertThat(mechanisms.inbox(TOWNSHIP.organiser(), s.id())).extracting(Notification::subject)
                .anySatisfy(subject -> assertThat(subject).startsWith("【可作办结反馈】"));
    }

    @Test
    void aReminderBeforeTheDeadlineAndEscalationAfterItNeverInterruptTheWork() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ASSIGNMENT, item);
        LocalDate due = today().plusDays(10);
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_ASSIGN_DEPARTMENTS, item.id(),
                TransferForms.assign(unit("县交通局", true, null, due)));
        Task task = mechanisms.task(s.number(), TASK_HANDLE, item.id());

        Date end = Date.from(TransferTexts.endOf(due).toInstant());
        Job reminder = timer(pi, end.getTime() - Duration.ofDays(3).toMillis());
        Job overdue = timer(pi, end.getTime());

        ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 60_000));
        managementService.executeJob(reminder.getId());
        assertThat(pi).hasPassed(EVENT_DEADLINE_APPROACHING, TASK_REMIND_DEADLINE, END_REMINDED).isWaitingAt(TASK_HANDLE);
        assertThat(mechanisms.task(s.number(), TASK_HANDLE, item.id()).getId()).isEqualTo(task.getId());
        assertThat(mechanisms.inbox("yunling.department", s.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REMINDER);
            assertThat(n.subject()).isEqualTo("【提醒】" + item.content() + "（县交通局主办）将于" + TransferTexts.date(due) + "到期");
            assertThat(n.body()).contains("（县交通局主办）”将于" + TransferTexts.date(due) + "到期，请抓紧办理");
        });

        ClockUtil.setCurrentTime(new Date(end.getTime() + 60_000));
        managementService.executeJob(overdue.getId());
        assertThat(pi).hasPassed(EVENT_DEADLINE_PASSED, TASK_ESCALATE_OVERDUE, END_ESCALATED).isWaitingAt(TASK_HANDLE);
        assertThat(mechanisms.task(s.number(), TASK_HANDLE, item.id()).getId()).isEqualTo(task.getId());
        for (String overseer : List.of("yunling.government", "qingxi.supervisor")) {
            assertThat(mechanisms.inbox(overseer, s.id())).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATION);
                assertThat(n.body()).contains("已于" + TransferTexts.date(due) + "到期，逾期1天仍未完成",
                        "当前办理：县交通局（主办），已完成0%");
            });
        }
        // the department itself is reminded that it is overdue
        assertThat(mechanisms.inbox("yunling.department", s.id())).first().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REMINDER);
            assertThat(n.subject()).startsWith("【催办】");
            assertThat(n.body()).contains("逾期1天尚未完成");
        });
        assertThat(assignments.overdue(item)).isTrue();

        // escalated again at every interval (TransferDeadlines.dmn: P7D) until done
        Job next = timer(pi, end.getTime() + Duration.ofDays(7).toMillis());
        ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 60_000));
        managementService.executeJob(next.getId());
        assertThat(mechanisms.inbox("qingxi.supervisor", s.id())).hasSize(2).first()
                .satisfies(n -> assertThat(n.body()).contains("逾期8天仍未完成"));
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action)
                .contains("到期提醒", "逾期督办（第1次）", "逾期督办（第2次）");

        mechanisms.submit(task, TOWNSHIP.code(), TransferForms.done("已办结"));
        assertThat(pi).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(transfers.transfer(item.id(), Mechanism.ASSIGNMENT).orElseThrow().outcome())
                .isEqualTo("县交通局（主办）逾期办结");
    }

    @Test
    void anItemThatMattersCountyWideGoesThroughTheCountyCppccToTheCountyPartyCommittee() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ASSIGNMENT, item);

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_ASSIGN_DEPARTMENTS, item.id(),
                TransferForms.requestCounty("道路跨两个乡镇，需县级统筹资金"));
        assertThat(pi).isWaitingAt(TASK_PROPOSE_TO_COUNTY_PARTY).task().hasCandidateGroup("qingxi-liaisoncommittee");
        assertThat((String) taskService.getVariableLocal(mechanisms.task(s.number(), TASK_PROPOSE_TO_COUNTY_PARTY,
                item.id()).getId(), "countyRequest")).isEqualTo("道路跨两个乡镇，需县级统筹资金");

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_PROPOSE_TO_COUNTY_PARTY, item.id(),
                TransferForms.propose(true, "事关全县路网，建议县委责成云岭镇落实"));
        assertThat(pi).isWaitingAt(TASK_INSTRUCT_TOWNSHIP).task().hasCandidateGroup("qingxi-party");

        LocalDate deadline = today().plusDays(60);
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INSTRUCT_TOWNSHIP, item.id(),
                TransferForms.instruct("请云岭镇会同县交通局年内完成", deadline));
        assertThat(pi).hasPassed(GATEWAY_COUNTY_PROPOSED, GATEWAY_ASSIGN_MERGE).isWaitingAt(TASK_ASSIGN_DEPARTMENTS);
        Task assign = mechanisms.task(s.number(), TASK_ASSIGN_DEPARTMENTS, item.id());
        assertThat((String) taskService.getVariableLocal(assign.getId(), "countyInstruction"))
                .startsWith("请云岭镇会同县交通局年内完成（完成时限：");

        assertThatThrownBy(() -> mechanisms.submit(assign, TOWNSHIP.code(),
                TransferForms.assignInstructed(unit("县交通局", true, null, deadline.plusDays(1)))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("责任部门第1项的办理期限不能晚于县委要求的完成时限" + TransferTexts.date(deadline));
        mechanisms.submit(assign, TOWNSHIP.code(), TransferForms.assignInstructed(unit("县交通局", true, null, deadline)));
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_HANDLE, item.id(), TransferForms.done("已按县委要求完成"));

        assertThat(pi).hasPassed(TASK_PROPOSE_TO_COUNTY_PARTY, TASK_INSTRUCT_TOWNSHIP, SUBPROCESS_UNITS, TASK_FINISH)
                .isEnded();
        assertThat(assignments.find(item.id())).get().satisfies(a -> {
            assertThat(a.route()).isEqualTo(AssignmentRoute.DIRECT);
            assertThat(a.countyProposed()).isTrue();
            assertThat(a.countyDeadline()).isEqualTo(deadline);
        });
        assertThat(transfers.transfer(item.id(), Mechanism.ASSIGNMENT).orElseThrow().outcome()).endsWith("（县委责成落实）");
        assertThat(mechanisms.inbox("qingxi.party", s.id())).singleElement()
                .satisfies(n -> assertThat(n.subject()).startsWith("【落实情况】"));
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action)
                .containsSubsequence("报请县委责成落实", "县政协提请县委责成落实", "县委责成落实", "交办责任部门", "交办办结");
    }

    @Test
    void theCountyCppccMayReturnTheItemToTheTownshipToAssignItself() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ASSIGNMENT, item);
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_ASSIGN_DEPARTMENTS, item.id(),
                TransferForms.requestCounty("资金不足"));

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_PROPOSE_TO_COUNTY_PARTY, item.id(),
                TransferForms.propose(false, "属乡镇职责范围，请自行交办"));

        assertThat(pi).hasPassed(GATEWAY_COUNTY_PROPOSED, GATEWAY_ASSIGN_MERGE).hasNotPassed(TASK_INSTRUCT_TOWNSHIP)
                .isWaitingAt(TASK_ASSIGN_DEPARTMENTS);
        Task assign = mechanisms.task(s.number(), TASK_ASSIGN_DEPARTMENTS, item.id());
        assertThat(taskService.getVariableLocal(assign.getId(), "previousComment")).isEqualTo("属乡镇职责范围，请自行交办");
        assertThat(taskService.getVariableLocal(assign.getId(), "countyInstruction")).isEqualTo("");
        mechanisms.submit(assign, TOWNSHIP.code(), TransferForms.assignOne());
        assertThat(pi).isWaitingAt(TASK_HANDLE);
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action).contains("县政协退回乡镇交办");
    }

    @Test
    void aVillagesResultsAreAssignedAndHandledByItsTownship() {
        Scenario s = mechanisms.filed(Places.VILLAGE, EnumSet.of(Mechanism.ASSIGNMENT));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, Places.VILLAGE, Mechanism.ASSIGNMENT, item);

        assertThat(pi).task().hasCandidateGroup("yunling-government");
        mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_ASSIGN_DEPARTMENTS, item.id(), TransferForms.assignOne());
        assertThat(pi).task().hasCandidateGroup("yunling-department");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ASSIGNMENT, item);
        int events = timeline.of(s.id()).size();

        Map<String, String> refused = Map.of(
                "请选择交办路径", "{}",
                "责任部门中须有且只有一个主办单位", "twoLeads",
                "责任部门第1项的办理期限不能早于今天", "past",
                "责任部门第1项的承办人账号“nobody”不存在", "nobody",
                "责任部门“县交通局”重复", "twice",
                "请填写报请理由", "county");
        refused.forEach((message, form) -> assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(),
                TASK_ASSIGN_DEPARTMENTS, item.id(), badAssignment(form)))
                .as(form).isInstanceOf(FormFieldValidationException.class).hasMessage(message));
        assertThat(assignments.find(item.id())).isEmpty();
        assertThat(timeline.of(s.id())).hasSize(events);
        assertThat(pi).isWaitingAt(TASK_ASSIGN_DEPARTMENTS);

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_ASSIGN_DEPARTMENTS, item.id(), TransferForms.assignOne());
        Map<String, Map<String, Object>> badReports = Map.of(
                "完成进度达到100%的，请选择“已办结”", TransferForms.progress(100, "完成"),
                "完成进度须为整数", Map.of("status", "IN_PROGRESS", "progress", "一半", "content", "进行中"),
                "完成进度须在0到100之间", TransferForms.progress(120, "超额"),
                "请填写进展情况", Map.of("status", "DONE"),
                "办理状态的取值“UNKNOWN”无效", Map.of("status", "UNKNOWN", "content", "x"),
                "请选择办理状态：办理中或已办结", Map.of("status", "ASSIGNED", "content", "x"));
        badReports.forEach((message, form) -> assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(),
                TASK_HANDLE, item.id(), form))
                .as(message).isInstanceOf(FormFieldValidationException.class).hasMessage(message));
        assertThat(assignments.reports(assignments.unitIds(item.id()).get(0))).isEmpty();
    }

    private static Map<String, Object> badAssignment(String which) {
        return switch (which) {
            case "twoLeads" -> TransferForms.assign(unit("县交通局", true, null, today().plusDays(5)),
                    unit("县财政局", true, null, today().plusDays(5)));
            case "past" -> TransferForms.assign(unit("县交通局", true, null, today().minusDays(1)));
            case "nobody" -> TransferForms.assign(unit("县交通局", true, "nobody", today().plusDays(5)));
            case "twice" -> TransferForms.assign(unit("县交通局", true, null, today().plusDays(5)),
                    unit("县交通局", false, null, today().plusDays(5)));
            case "county" -> Map.of("assignmentRoute", "COUNTY", "countyRequest", " ");
            default -> Map.of();
        };
    }

    private Task unitTask(List<Task> tasks, String department) {
        return tasks.stream()
                .filter(t -> assignments.unit((Long) taskService.getVariable(t.getId(), UNIT_ID.name())).department()
                        .equals(department))
                .findFirst().orElseThrow();
    }

    private Job timer(ProcessInstance pi, long dueMillis) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .filter(j -> j.getDuedate().getTime() == dueMillis).findFirst()
                .orElseThrow(() -> new AssertionError("没有到期时间为" + new Date(dueMillis) + "的定时器：" + managementService
                        .createJobQuery().processInstanceId(pi.getId()).timers().list().stream().map(Job::getDuedate).toList()));
    }

}

package cn.cppcc.consult.plan;

import static cn.cppcc.consult.demo.TasklistDriver.json;
import static cn.cppcc.consult.plan.AnnualPlanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
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

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.intake.TopicIntakeProcess;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Jobs;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Plans;
import cn.cppcc.consult.support.Topics;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * {@code AnnualPlan.bpmn}: drafted, approved, issued jointly (county) or by the 党政办 (township),
 * each topic's consultation started on its planned date by the engine clock, and amended in the year.
 * Each test plans a year of its own.
 */
@ConsultTest
class AnnualPlanProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TasklistDriver tasklist;
    @Autowired Topics topics;
    @Autowired Plans plans;
    @Autowired AnnualPlanService planService;
    @Autowired IntakeService intake;
    @Autowired ConsultationService consultations;
    @Autowired NotificationService notifications;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCountyPlanIsApprovedIssuedJointlyAndStartsEachConsultationOnItsDate() {
        int year = 2031;
        Plans.startOfYear(year);
        ProcessInstance intakePi = tasklist.start("qingxi.member", TopicIntakeProcess.KEY,
                Topics.staffTopic("MEMBER", "COUNTY", "政协委员王建国", "县城公共充电设施布局"));
        acceptThroughIntake(intakePi);
        Topic fromIntake = intake.topic((Long) runtimeService.getVariable(intakePi.getId(), "topicId"));
        Topic second = topics.accepted(Places.COUNTY, "城区学校课后服务");
        Topic notChosen = topics.accepted(Places.COUNTY, "未入选的议题");

        ProcessInstance pi = plans.start(Places.COUNTY, year);
        AnnualPlan plan = plans.plan(pi);
        assertThat(pi.getBusinessKey()).isEqualTo("JH2031-qingxi");
        assertThat(plan.title()).isEqualTo("清溪县2031年度政协协商计划");
        assertThat(pi).isWaitingAt(TASK_SELECT_KEY_TOPICS).task().hasCandidateGroup("qingxi-office");
        Task select = task(pi);
        assertThat(taskService.getVariableLocal(select.getId(), "candidateOptions").toString())
                .contains(fromIntake.number(), second.number(), notChosen.number());

        plans.submit(pi, TASK_SELECT_KEY_TOPICS, "qingxi.office", Plans.selection(year, fromIntake, second));
        assertThat(pi).isWaitingAt(TASK_APPROVE_PLAN).task().hasCandidateGroup("qingxi-party");
        assertThatThrownBy(() -> plans.submit(pi, TASK_APPROVE_PLAN, "qingxi.party", Map.of("planApproved", "false")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("退回修改须写明意见");
        plans.submit(pi, TASK_APPROVE_PLAN, "qingxi.party", Map.of("planApproved", "false", "comment", "日期请再斟酌"));

        assertThat(pi).hasPassed(GATEWAY_SELECTION_MERGE).isWaitingAt(TASK_SELECT_KEY_TOPICS);
        Task again = task(pi);
        assertThat(taskService.getVariableLocal(again.getId(), "previousComment")).isEqualTo("日期请再斟酌");
        assertThat(taskService.getVariableLocal(again.getId(), "items").toString()).contains(String.valueOf(second.id()));
        plans.submit(pi, TASK_SELECT_KEY_TOPICS, "qingxi.office", Plans.selection(year, fromIntake, second));
        plans.submit(pi, TASK_APPROVE_PLAN, "qingxi.party", Map.of("planApproved", "true"));

        // 党委办、政府办、政协办联合发文
        assertThat(pi).hasPassed(GATEWAY_SIGN_SPLIT)
                .isWaitingAt(TASK_SIGN_PARTY_OFFICE, TASK_SIGN_GOVERNMENT_OFFICE, TASK_SIGN_CPPCC_OFFICE);
        assertThat(candidateGroup(pi, TASK_SIGN_PARTY_OFFICE)).isEqualTo("qingxi-partyoffice");
        assertThat(candidateGroup(pi, TASK_SIGN_GOVERNMENT_OFFICE)).isEqualTo("qingxi-govoffice");
        assertThat(candidateGroup(pi, TASK_SIGN_CPPCC_OFFICE)).isEqualTo("qingxi-office");
        assertThatThrownBy(() -> plans.submit(pi, TASK_SIGN_PARTY_OFFICE, "qingxi.partyoffice", Map.of()))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请填写文号");
        plans.submit(pi, TASK_SIGN_PARTY_OFFICE, "qingxi.partyoffice", Map.of("documentNumber", "清委办发〔2031〕3号"));
        plans.submit(pi, TASK_SIGN_GOVERNMENT_OFFICE, "qingxi.govoffice", Map.of("comment", "同意"));
        plans.submit(pi, TASK_SIGN_CPPCC_OFFICE, "qingxi.office", Map.of());
        assertThat(pi).hasPassed(GATEWAY_SIGN_JOIN, GATEWAY_ISSUED_MERGE).isWaitingAt(TASK_PUBLISH);
        Jobs.runAll(managementService, pi.getId());

        assertThat(pi).hasPassed(GATEWAY_YEAR_SPLIT, GATEWAY_SCHEDULE_MERGE)
                .isWaitingAt(GATEWAY_AWAIT, TASK_PROPOSE_AMENDMENT);
        assertThat(planService.plan(plan.id()).status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(planService.plan(plan.id()).documentNumber()).isEqualTo("清委办发〔2031〕3号");
        assertThat(intake.topic(second.id()).status()).isEqualTo(TopicStatus.APPROVED);
        assertThat(intake.topic(notChosen.id()).status()).isEqualTo(TopicStatus.ACCEPTED);
        assertThat(intakePi).hasPassed(TopicIntakeProcess.EVENT_PLANNED).isWaitingAt(TopicIntakeProcess.TASK_NOTIFY_PLANNED);
        Jobs.runAll(managementService, intakePi.getId());
        assertThat(intakePi).isEnded();
        assertThat(notifications.inbox("qingxi.member")).extracting(n -> n.kind())
                .contains(NotificationKind.TOPIC_PLANNED);
        assertThat(notifications.inbox("qingxi.party")).anySatisfy(n -> assertThat(n.subject()).contains(plan.title()));

        // the first date comes: its consultation starts, approved in the plan, at the implementation plan
        assertThat(timer(pi).getDuedate()).isEqualTo(midnight(LocalDate.of(year, 3, 1)));
        Plans.at(LocalDate.of(year, 3, 1), 8);
        managementService.executeJob(timer(pi).getId());
        PlanItem first = item(plan.id(), fromIntake.id());
        assertThat(first.status()).isEqualTo(PlanItemStatus.LAUNCHED);
        Consultation c = consultations.get(first.consultationId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).singleResult())
                .isWaitingAt(ConsultationProcess.TASK_DRAFT_PLAN);
        assertThat(intake.topic(fromIntake.id()).status()).isEqualTo(TopicStatus.IN_CONSULTATION);
        assertThat(item(plan.id(), second.id()).status()).isEqualTo(PlanItemStatus.PLANNED);
        assertThat(pi).hasPassed(EVENT_PLANNED_DATE, TASK_LAUNCH_DUE, GATEWAY_YEAR_OVER).isWaitingAt(GATEWAY_AWAIT);
        assertThat(timer(pi).getDuedate()).isEqualTo(midnight(LocalDate.of(year, 6, 1)));

        Plans.at(LocalDate.of(year, 6, 2), 9);
        managementService.executeJob(timer(pi).getId());
        assertThat(item(plan.id(), second.id()).status()).isEqualTo(PlanItemStatus.LAUNCHED);
        assertThat(timer(pi).getDuedate()).isEqualTo(midnight(LocalDate.of(year + 1, 1, 1)));

        // the year ends: the plan is complete and can no longer be amended
        Plans.at(LocalDate.of(year + 1, 1, 1), 1);
        Jobs.runAll(managementService, pi.getId());
        assertThat(pi).hasPassed(END_COMPLETED, EVENT_YEAR_ENDED, END_AMENDMENTS_CLOSED).isEnded();
        assertThat(planService.plan(plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
    }

    @Test
    void aTownshipPlanIsIssuedByItsPartyAndGovernmentOffice() {
        int year = 2032;
        Plans.startOfYear(year);
        Topic topic = topics.accepted(Places.TOWNSHIP, "镇区农贸市场改造");
        ProcessInstance pi = plans.start(Places.TOWNSHIP, year);
        assertThat(plans.plan(pi).title()).isEqualTo("云岭镇2032年度基层协商计划");
        assertThat(pi).task().hasCandidateGroup("yunling-liaison");
        plans.submit(pi, TASK_SELECT_KEY_TOPICS, "yunling.liaison", Plans.selection(year, topic));
        plans.submit(pi, TASK_APPROVE_PLAN, "yunling.party", Map.of("planApproved", "true"));

        assertThat(pi).hasPassed(GATEWAY_ISSUING).hasNotPassed(GATEWAY_SIGN_SPLIT).isWaitingAt(TASK_ISSUE_TOWNSHIP_PLAN)
                .task().hasCandidateGroup("yunling-partyoffice");
        plans.submit(pi, TASK_ISSUE_TOWNSHIP_PLAN, "yunling.partyoffice", Map.of("documentNumber", "云党政办〔2032〕5号"));
        Jobs.runAll(managementService, pi.getId());
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT, TASK_PROPOSE_AMENDMENT);
        assertThat(task(pi, TASK_PROPOSE_AMENDMENT)).satisfies(t -> assertThat(candidateGroup(pi, TASK_PROPOSE_AMENDMENT))
                .isEqualTo("yunling-liaison"));
    }

    @Test
    void thePlanIsAmendedInTheYearWithAReasonAndThePartysApproval() {
        int year = 2033;
        Plans.startOfYear(year);
        Topic kept = topics.accepted(Places.COUNTY, "调整日期的议题");
        Topic dropped = topics.accepted(Places.COUNTY, "调出计划的议题");
        Topic added = topics.accepted(Places.COUNTY, "增补的议题");
        ProcessInstance pi = plans.issued(Places.COUNTY, year, kept, dropped);
        long planId = plans.planId(pi);
        assertThat(timer(pi).getDuedate()).isEqualTo(midnight(LocalDate.of(year, 3, 1)));

        assertThatThrownBy(() -> propose(pi, List.of(), "理由"))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请至少填写一项调整");
        assertThatThrownBy(() -> propose(pi, List.of(change("ADD", kept, LocalDate.of(year, 4, 1))), "理由"))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("调整事项第1项增补的议题须是本级已受理、待列入计划的议题");
        assertThatThrownBy(() -> propose(pi, List.of(change("ADD", added, LocalDate.of(year + 1, 4, 1))), "理由"))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("调整事项第1项的计划协商日期须在2033年内");
        assertThatThrownBy(() -> propose(pi, List.of(change("DROP", added, null)), "理由"))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("调整事项第1项只能调出计划内尚未启动协商的议题");

        List<Map<String, Object>> changes = List.of(change("ADD", added, LocalDate.of(year, 2, 15)),
                change("RESCHEDULE", kept, LocalDate.of(year, 5, 1)), change("DROP", dropped, null));
        propose(pi, changes, "县委新部署，调整协商安排");
        assertThat(pi).isWaitingAt(TASK_APPROVE_AMENDMENT).task().hasCandidateGroup("qingxi-party");
        assertThat(taskService.getVariableLocal(task(pi, TASK_APPROVE_AMENDMENT).getId(), "amendmentSummary").toString())
                .contains("县委新部署", "增补议题：", "调整协商日期：", "调出计划：");
        plans.submit(pi, TASK_APPROVE_AMENDMENT, "qingxi.party", Map.of("amendmentApproved", "false", "comment", "增补议题请说明依据"));

        assertThat(pi).hasPassed(GATEWAY_AMENDMENT_MERGE).isWaitingAt(TASK_PROPOSE_AMENDMENT);
        assertThat(taskService.getVariableLocal(task(pi, TASK_PROPOSE_AMENDMENT).getId(), "previousComment"))
                .isEqualTo("增补议题请说明依据");
        assertThat(planService.items(planId)).extracting(PlanItem::topicId).doesNotContain(added.id());

        propose(pi, changes, "县委新部署，增补议题已列入县委年度要点");
        plans.submit(pi, TASK_APPROVE_AMENDMENT, "qingxi.party", Map.of("amendmentApproved", "true"));
        assertThat(pi).isWaitingAt(TASK_APPLY_AMENDMENT);
        Jobs.runAll(managementService, pi.getId());

        assertThat(pi).hasPassed(EVENT_PLAN_AMENDED).isWaitingAt(TASK_PROPOSE_AMENDMENT, GATEWAY_AWAIT);
        assertThat(item(planId, added.id())).satisfies(i -> {
            assertThat(i.status()).isEqualTo(PlanItemStatus.PLANNED);
            assertThat(i.origin()).isEqualTo(PlanItemOrigin.AMENDMENT);
        });
        assertThat(item(planId, kept.id()).plannedOn()).isEqualTo(LocalDate.of(year, 5, 1));
        assertThat(item(planId, dropped.id()).status()).isEqualTo(PlanItemStatus.DROPPED);
        assertThat(intake.topic(added.id()).status()).isEqualTo(TopicStatus.APPROVED);
        assertThat(intake.topic(dropped.id()).status()).isEqualTo(TopicStatus.ACCEPTED);
        // the schedule now waits for the added topic's earlier date
        assertThat(timer(pi).getDuedate()).isEqualTo(midnight(LocalDate.of(year, 2, 15)));
        assertThat(planService.events(planId)).extracting(PlanEvent::action).contains("提出计划调整", "计划调整生效");
    }

    @Test
    void onlyAnOrganiserStartsAPlanAndOnlyOneForAPlaceAndYear() {
        int year = 2034;
        Plans.startOfYear(year);
        assertThatThrownBy(() -> tasklist.start("qingxi.party", KEY, Map.of("planYear", year)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("年度协商计划由县政协办公室或乡镇政协联络组编制");
        assertThatThrownBy(() -> tasklist.start("shuikou.village", KEY, Map.of("planYear", year)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("年度协商计划由县政协办公室或乡镇政协联络组编制");
        assertThatThrownBy(() -> tasklist.start("taoyuan.liaison", KEY, Map.of("planYear", year + 3)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("计划年度应为2034年或2035年");
        plans.start(Places.COUNTY, year);
        assertThatThrownBy(() -> plans.start(Places.COUNTY, year))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("清溪县2034年度协商计划已经编制");

        ProcessInstance pi = plans.start(Places.TOWNSHIP, year);
        Topic other = topics.accepted(Places.COUNTY, "县级议题不能列入乡镇计划");
        assertThatThrownBy(() -> plans.submit(pi, TASK_SELECT_KEY_TOPICS, "yunling.liaison", Plans.selection(year, other)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("重点议题第1项不是本级待列入计划的议题");
        Topic local = topics.accepted(Places.TOWNSHIP, "过去日期的议题");
        Map<String, Object> past = Map.of("items", json(List.of(Map.of("topicId", String.valueOf(local.id()),
                "plannedOn", LocalDate.of(year, 1, 1).toString()))));
        assertThatThrownBy(() -> plans.submit(pi, TASK_SELECT_KEY_TOPICS, "yunling.liaison", past))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("重点议题第1项的计划协商日期不能早于今天");
    }

    // ---- helpers

    private void acceptThroughIntake(ProcessInstance intakePi) {
        Map<String, Object> screen = new HashMap<>(Map.of("occurrencePlace", "qingxi", "resolutionLevel", "COUNTY"));
        tasklist.submit(task(intakePi), "qingxi.office", screen);
        tasklist.submit(task(intakePi), "qingxi.office", Map.of("intakeDecision", "ACCEPT", "consultationKind", "CPPCC"));
        Jobs.runAll(managementService, intakePi.getId());
        assertThat(intakePi).isWaitingAt(TopicIntakeProcess.EVENT_PLANNED);
    }

    private void propose(ProcessInstance pi, List<Map<String, Object>> changes, String reason) {
        plans.submit(pi, TASK_PROPOSE_AMENDMENT, "qingxi.office", Map.of("changes", json(changes), "reason", reason));
    }

    private static Map<String, Object> change(String action, Topic topic, LocalDate plannedOn) {
        Map<String, Object> row = new HashMap<>();
        row.put("action", action);
        row.put("topicId", String.valueOf(topic.id()));
        row.put("plannedOn", plannedOn == null ? null : plannedOn.toString());
        return row;
    }

    private PlanItem item(long planId, long topicId) {
        return planService.items(planId).stream().filter(i -> i.topicId() == topicId).findFirst().orElseThrow();
    }

    /** The schedule's timer (the standing amendment task has a year-end timer of its own). */
    private Job timer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(EVENT_PLANNED_DATE).timers()
                .singleResult();
    }

    private static Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(FormValues.ZONE).toInstant());
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private String candidateGroup(ProcessInstance pi, String key) {
        return taskService.getIdentityLinksForTask(task(pi, key).getId()).get(0).getGroupId();
    }
}

package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.TemporaryTopicProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Jobs;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Plans;
import cn.cppcc.consult.support.Topics;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicStatus;

/** {@code TemporaryTopic.bpmn}: committee drafts → chairpersons' meeting reviews → party approves → added to the plan. */
@ConsultTest
class TemporaryTopicProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TasklistDriver tasklist;
    @Autowired Plans plans;
    @Autowired Topics topics;
    @Autowired AnnualPlanService planService;
    @Autowired TemporaryTopicService temporaryTopics;
    @Autowired IntakeService intake;
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
    void aNewTemporaryTopicIsDraftedReviewedApprovedAndAddedToTheCountyPlan() {
        int year = 2041;
        Plans.startOfYear(year);
        ProcessInstance planPi = plans.issued(Places.COUNTY, year, topics.accepted(Places.COUNTY, "年初计划的议题"));
        long planId = plans.planId(planPi);

        ProcessInstance pi = tasklist.start("qingxi.committee", KEY, proposal(null, "汛期山洪灾害防御"));
        assertThat(pi).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("qingxi-committee");
        Topic topic = topicOf(pi);
        assertThat(topic.status()).isEqualTo(TopicStatus.PENDING_APPROVAL);
        assertThat(intake.details(topic.id()).consultationKind()).isEqualTo("CPPCC");

        Map<String, Object> draft = draft(LocalDate.of(year, 2, 20));
        draft.put("plannedOn", LocalDate.of(2099, 2, 20).toString());
        assertThatThrownBy(() -> submit(pi, TASK_DRAFT, "qingxi.committee", draft))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("年度协商计划尚未发布或已结束");
        submit(pi, TASK_DRAFT, "qingxi.committee", draft(LocalDate.of(year, 2, 20)));
        assertThat(pi).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("qingxi-chairs");
        submit(pi, TASK_REVIEW, "qingxi.chairs", Map.of("chairsApproved", "false", "comment", "补充专家参与"));

        assertThat(pi).hasPassed(GATEWAY_DRAFT_MERGE).isWaitingAt(TASK_DRAFT);
        Task again = task(pi);
        assertThat(taskService.getVariableLocal(again.getId(), "previousComment").toString()).contains("补充专家参与");
        assertThat(taskService.getVariableLocal(again.getId(), "plannedOn")).isEqualTo(year + "-02-20");
        submit(pi, TASK_DRAFT, "qingxi.committee", draft(LocalDate.of(year, 2, 25)));
        submit(pi, TASK_REVIEW, "qingxi.chairs", Map.of("chairsApproved", "true"));
        assertThat(pi).isWaitingAt(TASK_APPROVE).task().hasCandidateGroup("qingxi-party");
        submit(pi, TASK_APPROVE, "qingxi.party", Map.of("temporaryDecision", "REVISE", "reason", "日期提前"));
        assertThat(pi).isWaitingAt(TASK_DRAFT);
        submit(pi, TASK_DRAFT, "qingxi.committee", draft(LocalDate.of(year, 2, 10)));
        submit(pi, TASK_REVIEW, "qingxi.chairs", Map.of("chairsApproved", "true"));
        submit(pi, TASK_APPROVE, "qingxi.party", Map.of("temporaryDecision", "APPROVE"));

        assertThat(pi).isWaitingAt(TASK_ADD_TO_PLAN);
        Jobs.runAll(managementService, pi.getId());
        assertThat(pi).hasPassed(END_PLANNED).isEnded();
        PlanItem item = planService.items(planId).stream().filter(i -> i.topicId().equals(topic.id())).findFirst()
                .orElseThrow();
        assertThat(item.origin()).isEqualTo(PlanItemOrigin.TEMPORARY);
        assertThat(item.status()).isEqualTo(PlanItemStatus.PLANNED);
        assertThat(item.plannedOn()).isEqualTo(LocalDate.of(year, 2, 10));
        assertThat(intake.topic(topic.id()).status()).isEqualTo(TopicStatus.APPROVED);
        // the running plan now waits for the temporary topic's date
        assertThat(managementService.createJobQuery().processInstanceId(planPi.getId())
                .activityId(AnnualPlanProcess.EVENT_PLANNED_DATE).timers().singleResult()
                .getDuedate()).isEqualTo(java.util.Date.from(LocalDate.of(year, 2, 10).atStartOfDay(FormValues.ZONE).toInstant()));
    }

    @Test
    void anAcceptedCandidateRejectedAsTemporaryGoesBackToTheCandidates() {
        int year = 2042;
        Plans.startOfYear(year);
        plans.issued(Places.COUNTY, year, topics.accepted(Places.COUNTY, "年初计划议题"));
        Topic candidate = topics.accepted(Places.COUNTY, "群众反映的候选议题");

        assertThatThrownBy(() -> tasklist.start("qingxi.office", KEY, proposal("YT0000-99999", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("议题编号“YT0000-99999”不存在");
        ProcessInstance pi = tasklist.start("qingxi.office", KEY, proposal(candidate.number(), null));
        assertThat(topicOf(pi).id()).isEqualTo(candidate.id());
        submit(pi, TASK_DRAFT, "qingxi.committee", draft(LocalDate.of(year, 5, 1)));
        submit(pi, TASK_REVIEW, "qingxi.chairs", Map.of("chairsApproved", "true"));
        assertThatThrownBy(() -> submit(pi, TASK_APPROVE, "qingxi.party", Map.of("temporaryDecision", "REJECT")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("不予采纳须填写理由");
        submit(pi, TASK_APPROVE, "qingxi.party", Map.of("temporaryDecision", "REJECT", "reason", "纳入下年度计划统筹"));

        Jobs.runAll(managementService, pi.getId());
        assertThat(pi).hasPassed(TASK_NOTIFY_REJECTED, END_REJECTED).isEnded();
        assertThat(intake.topic(candidate.id()).status()).isEqualTo(TopicStatus.ACCEPTED);
        assertThat(notifications.inbox("qingxi.office")).anySatisfy(n -> assertThat(n.body())
                .contains(candidate.title(), "纳入下年度计划统筹"));
    }

    @Test
    void onlyCountyCppccOfficesProposeTemporaryTopics() {
        assertThatThrownBy(() -> tasklist.start("yunling.liaison", KEY, proposal(null, "乡镇提出的临时议题")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("临时增加议题由县政协办公室或政协专委会提出");
        assertThatThrownBy(() -> tasklist.start("qingxi.committee", KEY, proposal(null, null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("未填写已受理议题的编号时，须填写议题名称和议题内容");
    }

    private static Map<String, Object> proposal(String number, String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("topicNumber", number);
        form.put("title", title);
        form.put("description", title == null ? null : title + "的具体情况");
        form.put("source", "PARTY_GOVERNMENT");
        form.put("reason", "县委临时部署，需在汛期前协商");
        return form;
    }

    private static Map<String, Object> draft(LocalDate plannedOn) {
        Map<String, Object> form = new HashMap<>();
        form.put("consultationForm", "MEETING");
        form.put("plannedOn", plannedOn.toString());
        form.put("participantsScope", "政协委员、县水利局、沿河村代表");
        form.put("researchPlan", "实地查看沿河隐患点，召开座谈会");
        return form;
    }

    private void submit(ProcessInstance pi, String key, String user, Map<String, Object> form) {
        tasklist.submit(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult(),
                user, form);
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Topic topicOf(ProcessInstance pi) {
        return temporaryTopics.topicOf(temporaryTopics.get((Long) engine.getRuntimeService()
                .getVariable(pi.getId(), TEMPORARY_TOPIC_ID.name())));
    }
}

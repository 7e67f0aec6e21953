package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.EmergencyTopicProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Jobs;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Plans;
import cn.cppcc.consult.support.Topics;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * {@code EmergencyTopic.bpmn}: a sudden issue starts an emergency consultation at once; when it ends
 * the issue is linked into the routine plan (or not, with a reason).
 */
@ConsultTest
class EmergencyTopicProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TasklistDriver tasklist;
    @Autowired Plans plans;
    @Autowired Topics topics;
    @Autowired AnnualPlanService planService;
    @Autowired ConsultationService consultations;
    @Autowired IntakeService intake;
    @Autowired TopicHistory history;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEmergencyIsConsultedAtOnceAndAfterwardsLinkedIntoTheTownshipsRoutinePlan() {
        int year = 2051;
        Plans.startOfYear(year);
        ProcessInstance planPi = plans.issued(Places.TOWNSHIP, year, topics.accepted(Places.TOWNSHIP, "年度计划议题"));

        ProcessInstance pi = tasklist.start("yunling.liaison", KEY, report("暴雨致镇区内涝"));
        Consultation c = consultations.get((Long) runtimeService.getVariable(pi.getId(), CONSULTATION_ID.name()));
        assertThat(c.emergency()).isTrue();
        assertThat(pi.getBusinessKey()).isEqualTo(c.number());
        ProcessInstance consultation = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(c.number()).processDefinitionKey(ConsultationProcess.KEY).singleResult();
        assertThat(consultation).isWaitingAt(ConsultationProcess.TASK_APPROVE_TOPIC);
        assertThat(pi).hasPassed(TASK_LAUNCH).isWaitingAt(EVENT_ENDED);

        // the consultation ends (here: the party organisation does not take it up): conversion is next
        tasklist.submit(c.number(), ConsultationProcess.TASK_APPROVE_TOPIC, "yunling.party",
                Map.of("topicDecision", "REJECT", "reason", "已由应急指挥部处置"));
        assertThat(pi).hasPassed(EVENT_ENDED, GATEWAY_CONVERSION_MERGE).isWaitingAt(TASK_CONVERT)
                .task().hasCandidateGroup("yunling-liaison");
        Task convert = task(pi);
        assertThat(taskService.getVariableLocal(convert.getId(), "followUpTitle")).isEqualTo("暴雨致镇区内涝（常态化协商）");
        assertThat(taskService.getVariableLocal(convert.getId(), "consultationNumber")).isEqualTo(c.number());

        tasklist.submit(convert, "yunling.liaison", conversion("镇区排涝设施建设", LocalDate.of(year, 4, 1)));
        assertThat(pi).isWaitingAt(TASK_APPROVE_CONVERSION).task().hasCandidateGroup("yunling-party");
        submit(pi, TASK_APPROVE_CONVERSION, "yunling.party", Map.of("conversionApproved", "false", "comment", "请先开展调研"));
        assertThat(pi).isWaitingAt(TASK_CONVERT);
        assertThat(taskService.getVariableLocal(task(pi).getId(), "previousComment")).isEqualTo("请先开展调研");
        assertThat(taskService.getVariableLocal(task(pi).getId(), "followUpTitle")).isEqualTo("镇区排涝设施建设");

        tasklist.submit(task(pi), "yunling.liaison", conversion("镇区排涝设施建设", LocalDate.of(year, 5, 1)));
        submit(pi, TASK_APPROVE_CONVERSION, "yunling.party", Map.of("conversionApproved", "true"));
        Jobs.runAll(managementService, pi.getId());

        assertThat(pi).hasPassed(TASK_LINK, END_CONVERTED).isEnded();
        long followUp = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(FOLLOW_UP_TOPIC_ID.name()).singleResult().getValue();
        assertThat(intake.details(followUp).followsTopicId()).isEqualTo(c.topicId());
        assertThat(intake.topic(followUp).status()).isEqualTo(TopicStatus.APPROVED);
        assertThat(planService.items(plans.planId(planPi))).filteredOn(i -> i.topicId() == followUp).singleElement()
                .satisfies(i -> {
                    assertThat(i.origin()).isEqualTo(PlanItemOrigin.EMERGENCY);
                    assertThat(i.status()).isEqualTo(PlanItemStatus.PLANNED);
                    assertThat(i.plannedOn()).isEqualTo(LocalDate.of(year, 5, 1));
                });
    }

    @Test
    void aVillageEmergencyClosedWithoutConversionNeedsAReason() {
        int year = 2052;
        Plans.startOfYear(year);
        ProcessInstance pi = tasklist.start("shuikou.village", KEY, report("山体滑坡阻断村道"));
        Consultation c = consultations.get((Long) runtimeService.getVariable(pi.getId(), CONSULTATION_ID.name()));
        assertThat(c.placeCode()).isEqualTo("shuikou");
        consultations.close(c.id());

        assertThat(pi).isWaitingAt(TASK_CONVERT).task().hasCandidateGroup("shuikou-village");
        assertThatThrownBy(() -> tasklist.submit(task(pi), "shuikou.village",
                conversion("村道护坡加固", LocalDate.of(year, 6, 1))))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("云岭镇2052年度协商计划尚未发布或已结束，无法列入");
        assertThatThrownBy(() -> tasklist.submit(task(pi), "shuikou.village", Map.of("convertToRoutine", "false")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("不转为常态化协商须写明理由");
        tasklist.submit(task(pi), "shuikou.village", Map.of("convertToRoutine", "false", "reason", "已彻底处置，无后续问题"));

        assertThat(pi).hasPassed(GATEWAY_CONVERT, END_NOT_CONVERTED).isEnded();
        assertThat(history.of(c.topicId())).anySatisfy(e -> assertThat(e.comment()).isEqualTo("已彻底处置，无后续问题"));
    }

    @Test
    void aVillagesConversionIsApprovedByItsTownshipsPartyCommittee() {
        int year = 2053;
        Plans.startOfYear(year);
        plans.issued(Places.TOWNSHIP, year, topics.accepted(Places.TOWNSHIP, "乡镇年度议题"));
        ProcessInstance pi = tasklist.start("shuikou.village", KEY, report("村内饮用水源污染"));
        consultations.close((Long) runtimeService.getVariable(pi.getId(), CONSULTATION_ID.name()));
        tasklist.submit(task(pi), "shuikou.village", conversion("水源地保护", LocalDate.of(year, 3, 15)));
        assertThat(pi).isWaitingAt(TASK_APPROVE_CONVERSION).task().hasCandidateGroup("yunling-party");
        assertThatThrownBy(() -> tasklist.start("yunling.party", KEY, report("无权发起")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("应急协商由县政协办公室、乡镇政协联络组或村（居）委会发起");
    }

    private static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", title + "，群众生产生活受到影响", "source", "OFFLINE",
                "urgency", "事态紧急，需立即协商处置");
    }

    private static Map<String, Object> conversion(String title, LocalDate plannedOn) {
        Map<String, Object> form = new HashMap<>();
        form.put("convertToRoutine", "true");
        form.put("followUpTitle", title);
        form.put("followUpDescription", "从源头上推动解决：" + title);
        form.put("plannedOn", plannedOn.toString());
        return form;
    }

    private void submit(ProcessInstance pi, String key, String user, Map<String, Object> form) {
        tasklist.submit(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult(),
                user, form);
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}

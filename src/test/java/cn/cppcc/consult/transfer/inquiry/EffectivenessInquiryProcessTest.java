package cn.cppcc.consult.transfer.inquiry;

import static cn.cppcc.consult.support.TransferForms.today;
import static cn.cppcc.consult.transfer.inquiry.InquiryProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.consultation.Timeline;
import cn.cppcc.consult.consultation.TimelineEvent;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.TransferForms;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;
import cn.cppcc.consult.transfer.assignment.AssignmentProcess;

/** {@code EffectivenessInquiry.bpmn} (问效): when it begins, democratic evaluation, re-handling and its limit. */
@ConsultTest
class EffectivenessInquiryProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired Mechanisms mechanisms;
    @Autowired InquiryService inquiries;
    @Autowired TransferService transfers;
    @Autowired ConsultationService consultations;
    @Autowired Timeline timeline;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAssignedItemIsInquiredIntoOnceItsAssignmentIsFinished() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.INQUIRY));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance consultation = s.startBefore(ConsultationProcess.GATEWAY_TRANSFER_SPLIT);
        ProcessInstance inquiry = instance(mechanisms.processOf(s.number(), Mechanism.INQUIRY, item.id()));

        assertThat(inquiry).hasPassed(GATEWAY_AWAIT_HANDLING).isWaitingAt(GATEWAY_HANDLING_EVENTS);
        assertThat(inquiries.stateOf(item)).isEqualTo("交办办结后开展问效");
        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_ASSIGN_DEPARTMENTS, item.id(),
                TransferForms.assignOne());
        assertThat(inquiry).isWaitingAt(GATEWAY_HANDLING_EVENTS);
        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_HANDLE, item.id(),
                TransferForms.done("已修缮完毕"));

        assertThat(inquiry).hasPassed(EVENT_ASSIGNMENT_FINISHED, GATEWAY_INQUIRY_MERGE).isWaitingAt(TASK_INQUIRE)
                .task().hasCandidateGroup("qingxi-supervisor");
        assertThat(consultation).isWaitingAt(ConsultationProcess.CALL_INQUIRY);
        String handling = (String) taskService.getVariableLocal(
                mechanisms.task(s.number(), TASK_INQUIRE, item.id()).getId(), "handlingSummary");
        assertThat(handling).contains("交办：已办结，县交通局（主办）按期办结", "问效：办理中");

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(), TransferForms.evaluate("SATISFIED", null));

        assertThat(inquiry).hasPassed(GATEWAY_RATING, GATEWAY_FINISH_MERGE, TASK_FINISH).isEnded();
        assertThat(transfers.transfer(item.id(), Mechanism.INQUIRY).orElseThrow().outcome()).isEqualTo("民主评议满意");
        assertThat(consultation).isEnded();
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void anAssignmentNotFinishedByItsDeadlineIsInquiredIntoAtTheDeadline() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.INQUIRY));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.INQUIRY, item);
        assertThat(pi).isWaitingAt(GATEWAY_HANDLING_EVENTS);

        Job deadline = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(TransferTexts.endOf(item.dueOn()).toInstant()));
        ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 60_000));
        managementService.executeJob(deadline.getId());

        assertThat(pi).hasPassed(EVENT_HANDLING_DEADLINE).hasNotPassed(EVENT_ASSIGNMENT_FINISHED).isWaitingAt(TASK_INQUIRE);
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(),
                TransferForms.evaluate("BASICALLY_SATISFIED", "进度偏慢，但群众认可"));
        assertThat(pi).isEnded();
        assertThat(inquiries.lastEvaluation(item.id())).get().satisfies(e -> {
            assertThat(e.rating()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
            assertThat(e.satisfiedVotes()).isEqualTo(9);
        });
    }

    @Test
    void anUnsatisfactoryRatingSendsTheItemBackUntilTheLimitThenTheCountyPartySupervisesIt() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.INQUIRY));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.INQUIRY, item);
        assertThat(pi).hasPassed(GATEWAY_AWAIT_HANDLING, GATEWAY_INQUIRY_MERGE).hasNotPassed(GATEWAY_HANDLING_EVENTS)
                .isWaitingAt(TASK_INQUIRE);

        for (int round = 1; round <= 2; round++) {
            mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
            assertThat(taskService.getVariable(mechanisms.task(s.number(), TASK_EVALUATE, item.id()).getId(),
                    RATING.name())).isNull();
            if (round == 1) {
                assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(),
                        TransferForms.evaluate("UNSATISFIED", null)))
                        .isInstanceOf(FormFieldValidationException.class).hasMessage("评议不满意须写明意见，以便重新办理");
            }
            mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(),
                    TransferForms.evaluate("UNSATISFIED", "路面仍有积水，第" + round + "轮"));
            assertThat(pi).hasPassed(TASK_CHECK_LIMIT).isWaitingAt(TASK_REHANDLE).task()
                    .hasCandidateGroup("yunling-government");
            assertThat(runtimeService.getVariable(pi.getId(), MAX_REHANDLINGS.name())).isEqualTo(2);
            assertThat((String) taskService.getVariableLocal(mechanisms.task(s.number(), TASK_REHANDLE, item.id()).getId(),
                    "inquirySummary")).contains("第" + round + "轮民主评议：不满意", "路面仍有积水，第" + round + "轮");
            mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REHANDLE, item.id(),
                    TransferForms.rehandle("增设排水沟，第" + round + "次整改"));
            assertThat(pi).isWaitingAt(TASK_INQUIRE);
            assertThat(inquiries.inquiry(item.id()).round()).isEqualTo(round + 1);
        }
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(),
                TransferForms.evaluate("UNSATISFIED", "仍未解决"));

        assertThat(pi).hasPassed(GATEWAY_REHANDLING_ALLOWED).isWaitingAt(TASK_SUPERVISE).task()
                .hasCandidateGroup("qingxi-party");
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_SUPERVISE, item.id(),
                TransferForms.supervise("责成县交通局牵头，一个月内彻底解决"));
        assertThat(pi).hasPassed(GATEWAY_FINISH_MERGE, TASK_FINISH).isEnded();
        assertThat(transfers.transfer(item.id(), Mechanism.INQUIRY).orElseThrow().outcome())
                .isEqualTo("民主评议不满意（经2次重新办理），已提请县委督办");
        assertThat(inquiries.inquiry(item.id()).supervision()).isEqualTo("责成县交通局牵头，一个月内彻底解决");
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action).containsSubsequence(
                "民主评议：不满意", "重新办理（第1次）", "民主评议：不满意", "重新办理（第2次）", "民主评议：不满意", "县委督办",
                "问效办结");
    }

    @Test
    void administratorsChangeTheRehandlingLimitByDeployingTheDecisionTableAlone() throws Exception {
        String xml = Files.readString(Path.of("processes/InquiryRehandlingLimit.dmn"))
                .replace("<text>1</text>", "<text>0</text>").replace("<text>2</text>", "<text>0</text>");
        Deployment changed = repositoryService.createDeployment().name("管理员修改重新办理次数上限")
                .addString("InquiryRehandlingLimit.dmn", xml).deploy();
        try {
            Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.INQUIRY));
            ResultItem item = mechanisms.items(s).get(0);
            ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.INQUIRY, item);
            mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
            mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(),
                    TransferForms.evaluate("UNSATISFIED", "不满意"));

            assertThat(pi).hasNotPassed(TASK_REHANDLE).isWaitingAt(TASK_SUPERVISE);
            assertThat(runtimeService.getVariable(pi.getId(), MAX_REHANDLINGS.name())).isEqualTo(0);
        } finally {
            repositoryService.deleteDeployment(changed.getId(), true);
        }
    }

    @Test
    void inquiryRecordsAreCheckedBeforeAnythingIsWritten() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.INQUIRY));
        ResultItem item = mechanisms.items(s).get(0);
        mechanisms.start(s, TOWNSHIP, Mechanism.INQUIRY, item);

        Map<String, Map<String, Object>> refused = Map.of(
                "请至少记录一次调研视察、明察暗访、座谈回访或问卷调查", Map.of("activities", TasklistDriver.json(List.of())),
                "问效活动第1项为问卷调查，须填写回收问卷份数", activity("QUESTIONNAIRE", today(), null, null),
                "问效活动第1项的满意份数须填写，且不能超过回收份数", activity("QUESTIONNAIRE", today(), 10, 11),
                "问效活动第1项的日期不能晚于今天", activity("INSPECTION", today().plusDays(1), null, null),
                "问效活动第1项的方式的取值“PHONE”无效", activity("PHONE", today(), null, null));
        refused.forEach((message, form) -> assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(),
                TASK_INQUIRE, item.id(), form))
                .as(message).isInstanceOf(FormFieldValidationException.class).hasMessage(message));
        assertThat(inquiries.find(item.id())).isEmpty();

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_INQUIRE, item.id(), TransferForms.inquire());
        Map<String, Object> partialVotes = Map.of("rating", "SATISFIED", "satisfiedVotes", 5);
        assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_EVALUATE, item.id(), partialVotes))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("请完整填写满意、基本满意、不满意的票数（可为0，合计须大于0）");
        assertThat(inquiries.lastEvaluation(item.id())).isEmpty();
    }

    private static Map<String, Object> activity(String method, LocalDate heldOn, Integer respondents,
            Integer satisfied) {
        Map<String, Object> row = new HashMap<>();
        row.put("method", method);
        row.put("heldOn", heldOn.toString());
        row.put("findings", "了解情况");
        row.put("respondents", respondents);
        row.put("satisfiedRespondents", satisfied);
        return Map.of("activities", TasklistDriver.json(List.of(row)));
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}

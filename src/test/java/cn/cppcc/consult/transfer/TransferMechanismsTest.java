package cn.cppcc.consult.transfer;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.TransferForms;

/** The four mechanisms run at once for one consultation, which closes only when every one has finished. */
@ConsultTest
class TransferMechanismsTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired ProcessEngine engine;
    @Autowired HistoryService historyService;
    @Autowired Mechanisms mechanisms;
    @Autowired ConsultationService consultations;
    @Autowired TransferService transfers;
    @Autowired TransferOverview overview;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void theConsultationClosesOnlyWhenTheLastMechanismHasFinished() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT), EnumSet.of(Mechanism.ESCALATION),
                EnumSet.of(Mechanism.INQUIRY), EnumSet.of(Mechanism.FEEDBACK));
        List<ResultItem> items = mechanisms.items(s);
        ProcessInstance pi = s.startBefore(GATEWAY_TRANSFER_SPLIT);
        String place = TOWNSHIP.code();

        assertThat(pi).isWaitingAt(CALL_ASSIGNMENT, CALL_ESCALATION, CALL_INQUIRY, CALL_FEEDBACK);
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).list())
                .extracting(p -> p.getProcessDefinitionKey())
                .containsExactlyInAnyOrder("Assignment", "Escalation", "EffectivenessInquiry", "Feedback");
        assertThat(overview.text(items.get(0))).isEqualTo("交办：办理中，待交办");

        mechanisms.submit(s.number(), place, "Task_ReportFeedback", items.get(3).id(), TransferForms.feedback(true, "已反馈"));
        assertThat(pi).isWaitingAt(CALL_ASSIGNMENT, CALL_ESCALATION, CALL_INQUIRY).hasPassed(CALL_FEEDBACK);

        mechanisms.submit(s.number(), place, "Task_InquireEffectiveness", items.get(2).id(), TransferForms.inquire());
        mechanisms.submit(s.number(), place, "Task_EvaluateResult", items.get(2).id(), TransferForms.evaluate("SATISFIED", ""));
        assertThat(pi).isWaitingAt(CALL_ASSIGNMENT, CALL_ESCALATION);

        mechanisms.submit(s.number(), place, "Task_DraftEscalation", items.get(1).id(), TransferForms.draft("PROPOSAL", "提案"));
        mechanisms.submit(s.number(), place, "Task_ReviewEscalation", items.get(1).id(), TransferForms.review(true, ""));
        mechanisms.submit(s.number(), place, "Task_RegisterEscalation", items.get(1).id(), TransferForms.register("提-" + s.number()));
        mechanisms.submit(s.number(), place, "Task_RecordEscalationAnswer", items.get(1).id(), TransferForms.answer("ADOPTED"));
        assertThat(pi).isWaitingAt(CALL_ASSIGNMENT).isNotEnded();
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.TRANSFER);

        mechanisms.submit(s.number(), place, "Task_AssignDepartments", items.get(0).id(), TransferForms.assignOne());
        mechanisms.submit(s.number(), place, "Task_HandleAssignment", items.get(0).id(), TransferForms.done("已办结"));

        assertThat(pi).hasPassed(GATEWAY_TRANSFER_JOIN, TASK_CLOSE).isEnded();
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.CLOSED);
        assertThat(items).allSatisfy(item -> assertThat(transfers.transfers(item.id())).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TransferStatus.DONE)));
        assertThat(overview.text(items.get(0))).isEqualTo("交办：已办结，县交通局（主办）按期办结");
    }
}

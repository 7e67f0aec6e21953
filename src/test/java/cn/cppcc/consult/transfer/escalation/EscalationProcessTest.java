package cn.cppcc.consult.transfer.escalation;

import static cn.cppcc.consult.transfer.escalation.EscalationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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

import cn.cppcc.consult.consultation.Timeline;
import cn.cppcc.consult.consultation.TimelineEvent;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.TransferForms;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;

/** {@code Escalation.bpmn} (转报): drafted, returned and drafted again, registered, chased, answered. */
@ConsultTest
class EscalationProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Mechanisms mechanisms;
    @Autowired EscalationService escalations;
    @Autowired TransferService transfers;
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
    void aMemberProposalIsReviewedRegisteredChasedAndFollowedUntilAnswered() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ESCALATION));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, TOWNSHIP, Mechanism.ESCALATION, item);

        // drafted by the CPPCC members resident in the township
        assertThat(pi).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("yunling-member");
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_DRAFT, item.id(),
                TransferForms.draft("PROPOSAL", "关于统筹修缮跨乡镇村道的提案"));
        assertThat(pi).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("qingxi-office");
        assertThat((String) taskService.getVariableLocal(mechanisms.task(s.number(), TASK_REVIEW, item.id()).getId(),
                "escalationSummary")).startsWith("委员提案：关于统筹修缮跨乡镇村道的提案\n撰写人：云岭镇政协委员");

        assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REVIEW, item.id(),
                TransferForms.review(false, "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("退回修改须写明修改意见");
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REVIEW, item.id(), TransferForms.review(false, "补充资金测算"));
        assertThat(pi).hasPassed(GATEWAY_APPROVED, GATEWAY_DRAFT_MERGE).isWaitingAt(TASK_DRAFT);
        Task redraft = mechanisms.task(s.number(), TASK_DRAFT, item.id());
        assertThat(taskService.getVariableLocal(redraft.getId(), "previousComment")).isEqualTo("补充资金测算");
        assertThat(taskService.getVariableLocal(redraft.getId(), "title")).isEqualTo("关于统筹修缮跨乡镇村道的提案");
        assertThat(taskService.getVariableLocal(redraft.getId(), "kind")).isEqualTo("PROPOSAL");

        mechanisms.submit(redraft, TOWNSHIP.code(), TransferForms.draft("PROPOSAL", "关于统筹修缮跨乡镇村道的提案（修改稿）"));
        // the second review's form does not show the first review's answer
        assertThat(taskService.getVariable(mechanisms.task(s.number(), TASK_REVIEW, item.id()).getId(),
                APPROVED.name())).isNull();
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REVIEW, item.id(), TransferForms.review(true, null));
        assertThat(pi).isWaitingAt(TASK_REGISTER).task().hasCandidateGroup("qingxi-office");
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REGISTER, item.id(), TransferForms.register("清政协提〔2026〕12号"));

        assertThat(pi).isWaitingAt(TASK_RECORD_ANSWER);
        assertThat(escalations.get(item.id())).satisfies(e -> {
            assertThat(e.round()).isEqualTo(2);
            assertThat(e.status()).isEqualTo(EscalationStatus.REGISTERED);
            assertThat(e.registrationNumber()).isEqualTo("清政协提〔2026〕12号");
        });

        // not answered: chased at every interval of TransferDeadlines.dmn (P30D), the task stays
        Job chase = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(chase.getDuedate()).isCloseTo(new Date(ClockUtil.getCurrentTime().getTime()
                + Duration.ofDays(30).toMillis()), 5_000);
        ClockUtil.setCurrentTime(new Date(chase.getDuedate().getTime() + 60_000));
        managementService.executeJob(chase.getId());
        assertThat(pi).hasPassed(EVENT_ANSWER_OVERDUE, TASK_CHASE, END_CHASED).isWaitingAt(TASK_RECORD_ANSWER);
        assertThat(mechanisms.inbox("qingxi.office", s.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REMINDER);
            assertThat(n.subject()).startsWith("【催办】县交通运输局对委员提案（清政协提〔2026〕12号）的答复已逾期：");
            assertThat(n.body()).contains("的“县交通运输局对委员提案（清政协提〔2026〕12号）的答复”已于", "逾期1天尚未完成");
        });
        assertThat(mechanisms.inbox("yunling.member", s.id())).extracting(Notification::kind).contains(NotificationKind.REMINDER);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate())
                .isAfter(chase.getDuedate());

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_RECORD_ANSWER, item.id(), TransferForms.answer("PLANNED"));
        assertThat(pi).hasPassed(TASK_FINISH, END).isEnded();
        assertThat(escalations.get(item.id()).adoption()).isEqualTo(Adoption.PLANNED);
        assertThat(transfers.transfer(item.id(), Mechanism.ESCALATION).orElseThrow().outcome())
                .startsWith("委员提案（清政协提〔2026〕12号）已答复：列入计划");
        assertThat(timeline.of(s.id())).extracting(TimelineEvent::action).containsSubsequence(
                "撰写委员提案", "退回修改委员提案", "撰写委员提案", "审核通过委员提案", "报送登记", "催询办理答复（第1次）",
                "登记办理答复", "转报办结");
    }

    @Test
    void aRegistrationNumberIsGivenOnceAndAnAnswerCannotPrecedeIt() {
        Scenario s = mechanisms.filed(Places.VILLAGE, EnumSet.of(Mechanism.ESCALATION), EnumSet.of(Mechanism.ESCALATION));
        List<ResultItem> items = mechanisms.items(s);
        for (ResultItem item : items) {
            ProcessInstance pi = mechanisms.start(s, Places.VILLAGE, Mechanism.ESCALATION, item);
            // a village's escalations are drafted by the members resident in its township
            assertThat(pi).task().hasCandidateGroup("yunling-member");
            mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_DRAFT, item.id(),
                    TransferForms.draft("OPINION_REPORT", "关于村级垃圾清运的社情民意信息" + item.seq()));
            mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_REVIEW, item.id(), TransferForms.review(true, ""));
        }
        mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_REGISTER, items.get(0).id(),
                TransferForms.register("社情民意第" + s.number() + "期"));

        assertThatThrownBy(() -> mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_REGISTER, items.get(1).id(),
                TransferForms.register("社情民意第" + s.number() + "期")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("编号“社情民意第" + s.number() + "期”已登记给另一件社情民意信息");
        assertThatThrownBy(() -> mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_RECORD_ANSWER,
                items.get(0).id(), java.util.Map.of("answer", "已处理", "adoption", "ADOPTED",
                        "answeredOn", TransferForms.today().minusDays(1).toString())))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("答复日期不能早于报送登记日期");
        assertThat(escalations.get(items.get(1).id()).status()).isEqualTo(EscalationStatus.APPROVED);
    }

}

package cn.cppcc.consult.transfer.feedback;

import static cn.cppcc.consult.transfer.feedback.FeedbackProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
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
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.assignment.AssignmentProcess;
import cn.cppcc.consult.transfer.feedback.RatingService.State;

/** {@code Feedback.bpmn} (反馈): stage and final feedback, citizens' ratings, the rating period. */
@ConsultTest
class FeedbackProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;
    private static final Pattern LINK = Pattern.compile("/public/rate\\.html\\?t=([A-Za-z0-9_-]{43})");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Mechanisms mechanisms;
    @Autowired FeedbackService feedback;
    @Autowired RatingService ratings;
    @Autowired TransferService transfers;
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
    void membersAndCitizensHearInStagesThenRateTheFinalResultAndTheConsultationCloses() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK));
        ResultItem item = mechanisms.items(s).get(0);
        long raised = citizen(s, "钱先生", "13800000001", CitizenRelation.RAISED);
        long affected = citizen(s, "孙女士", "13800000002", CitizenRelation.AFFECTED);
        ProcessInstance consultation = s.startBefore(ConsultationProcess.GATEWAY_TRANSFER_SPLIT);
        ProcessInstance pi = instance(mechanisms.processOf(s.number(), Mechanism.FEEDBACK, item.id()));

        assertThat(pi).isWaitingAt(TASK_REPORT).task().hasCandidateGroup("yunling-liaison");
        String task = mechanisms.task(s.number(), TASK_REPORT, item.id()).getId();
        assertThat((String) taskService.getVariableLocal(task, "finalAllowed")).isEqualTo("交办尚未办结，目前只能作阶段反馈。");
        assertThat((String) taskService.getVariableLocal(task, "recipients")).contains("群众2人");
        assertThatThrownBy(() -> mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REPORT, item.id(),
                TransferForms.feedback(true, "已办结")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("该事项的交办尚未办结，暂只能作阶段反馈");

        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REPORT, item.id(),
                TransferForms.feedback(false, "意见已采纳，已交县交通局办理"));
        assertThat(pi).hasPassed(TASK_SEND, GATEWAY_FINAL, GATEWAY_FEEDBACK_MERGE).isWaitingAt(TASK_REPORT);
        assertThat(mechanisms.inbox("yunling.member", s.id())).extracting(Notification::kind).containsExactly(NotificationKind.FEEDBACK);
        for (long citizen : List.of(raised, affected)) {
            assertThat(mechanisms.inbox(NotificationService.citizenRecipient(citizen), s.id())).singleElement().satisfies(n -> {
                assertThat(n.subject()).startsWith("【阶段反馈】");
                assertThat(n.body()).contains("意见采纳情况：已采纳", "已交县交通局办理").doesNotContain("rate.html");
            });
        }

        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_ASSIGN_DEPARTMENTS, item.id(),
                TransferForms.assignOne());
        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_HANDLE, item.id(),
                TransferForms.done("道路已修缮"));
        assertThat((String) taskService.getVariableLocal(mechanisms.task(s.number(), TASK_REPORT, item.id()).getId(),
                "previousFeedback")).contains("阶段反馈（已采纳）：意见已采纳");
        mechanisms.submit(s.number(), TOWNSHIP.code(), TASK_REPORT, item.id(),
                TransferForms.feedback(true, "道路已于本月修缮完毕"));

        assertThat(pi).hasPassed(GATEWAY_RATINGS_INVITED).isWaitingAt(GATEWAY_AWAIT_RATINGS);
        Job closes = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(closes.getDuedate()).isCloseTo(new Date(ClockUtil.getCurrentTime().getTime()
                + Duration.ofDays(15).toMillis()), 5_000);
        String first = token(raised, s.id());
        String second = token(affected, s.id());
        assertThat(first).isNotEqualTo(second);
        assertThat(mechanisms.inbox("yunling.member", s.id())).extracting(Notification::body)
                .allSatisfy(body -> assertThat(body).doesNotContain("rate.html", "钱先生", "13800000001"));

        assertThat(ratings.page(first)).get().satisfies(page -> {
            assertThat(page.state()).isEqualTo(State.OPEN);
            assertThat(page.feedback()).isEqualTo("道路已于本月修缮完毕");
            assertThat(page.consultationNumber()).isEqualTo(s.number());
        });
        ratings.rate(first, Satisfaction.SATISFIED, null);
        assertThatThrownBy(() -> ratings.rate(first, Satisfaction.UNSATISFIED, "改主意了"))
                .isInstanceOf(RatingService.NotRecorded.class).hasMessage("您已评价过该事项，感谢您的参与");
        assertThat(ratings.page(first).orElseThrow().state()).isEqualTo(State.RATED);
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_RATINGS);
        assertThat(consultation).isNotEnded();

        ratings.rate(second, Satisfaction.BASICALLY_SATISFIED, "希望以后加快进度");

        assertThat(pi).hasPassed(EVENT_ALL_RATED, GATEWAY_RATINGS_MERGE, TASK_CLOSE, END).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(transfers.transfer(item.id(), Mechanism.FEEDBACK).orElseThrow().outcome()).isEqualTo(
                "反馈2次，办结反馈送达住地政协委员和群众；群众评价2/2人：满意1、基本满意1、不满意0，满意率100.0%");
        assertThat(consultation).isEnded();
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void theRatingPeriodEndsTheFeedbackWhenNotEveryoneRates() {
        Scenario s = mechanisms.filed(Places.VILLAGE, EnumSet.of(Mechanism.FEEDBACK));
        ResultItem item = mechanisms.items(s).get(0);
        long citizen = citizen(s, "周大爷", "13800000003", CitizenRelation.RAISED);
        ProcessInstance pi = mechanisms.start(s, Places.VILLAGE, Mechanism.FEEDBACK, item);
        assertThat(pi).task().hasCandidateGroup("shuikou-village");
        mechanisms.submit(s.number(), Places.VILLAGE.code(), TASK_REPORT, item.id(),
                TransferForms.feedback(true, "收集点已设置"));
        String token = token(citizen, s.id());

        Job closes = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(closes.getDuedate().getTime() + 1000));
        assertThat(ratings.page(token).orElseThrow().state()).isEqualTo(State.CLOSED);
        assertThatThrownBy(() -> ratings.rate(token, Satisfaction.SATISFIED, null))
                .isInstanceOf(RatingService.NotRecorded.class).hasMessageStartingWith("评价已于");
        managementService.executeJob(closes.getId());

        assertThat(pi).hasPassed(EVENT_RATINGS_CLOSED, TASK_CLOSE).hasNotPassed(EVENT_ALL_RATED).isEnded();
        assertThat(transfers.transfer(item.id(), Mechanism.FEEDBACK).orElseThrow().outcome())
                .isEqualTo("反馈1次，办结反馈送达住地政协委员和群众；群众评价0/1人");
        assertThat(feedback.stats(item.id()).invited()).isEqualTo(1);
    }

    @Test
    void withoutCitizensLinkedToTheTopicTheFinalFeedbackEndsAtOnce() {
        Scenario s = mechanisms.filed(Places.COUNTY, EnumSet.of(Mechanism.FEEDBACK));
        ResultItem item = mechanisms.items(s).get(0);
        ProcessInstance pi = mechanisms.start(s, Places.COUNTY, Mechanism.FEEDBACK, item);
        assertThat(pi).task().hasCandidateGroup("qingxi-office");

        mechanisms.submit(s.number(), Places.COUNTY.code(), TASK_REPORT, item.id(), TransferForms.feedback(true, "已办结"));

        assertThat(pi).hasPassed(GATEWAY_RATINGS_INVITED, GATEWAY_RATINGS_MERGE).hasNotPassed(GATEWAY_AWAIT_RATINGS)
                .isEnded();
        assertThat(mechanisms.inbox("qingxi.member", s.id())).extracting(Notification::subject)
                .containsExactly("【办结反馈】测试议题：县级");
        assertThat(transfers.transfer(item.id(), Mechanism.FEEDBACK).orElseThrow().outcome()).endsWith("（无登记群众）");
    }

    private long citizen(Scenario s, String name, String mobile, CitizenRelation relation) {
        long id = citizens.insert(name, mobile, EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), id, relation);
        return id;
    }

    /** The rating link the citizen's final feedback message carries. */
    private String token(long citizen, long consultationId) {
        Notification message = mechanisms.inbox(NotificationService.citizenRecipient(citizen), consultationId).stream()
                .filter(n -> n.kind() == NotificationKind.SURVEY).findFirst().orElseThrow();
        assertThat(message.subject()).startsWith("请对“");
        Matcher link = LINK.matcher(message.body());
        assertThat(link.find()).as(message.body()).isTrue();
        return link.group(1);
    }


    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;

/**
 * Time limits from {@code StageDeadlines.dmn}: tasks are due at their stage's limit, the reminder
 * fires before it and the escalation to the supervisors after it, both with the engine clock, and
 * neither touches the task.
 */
@ConsultTest
class StageDeadlinesTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;
    /** A Monday morning, Beijing time. */
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

    @Autowired ProcessEngine engine;
    @Autowired ManagementService managementService;
    @Autowired TasklistDriver tasklist;
    @Autowired StageDeadlines deadlines;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationLauncher launcher;
    @Autowired NotificationService notifications;
    @Autowired Timeline timeline;
    @Autowired Scenarios scenarios;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void fixClock() {
        init(engine);
        at(T0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDecisionTableGivesEachStageItsLimitByLevelAndUrgency() {
        assertThat(deadlines.limitFor(Stage.TOPIC_APPROVAL, PlaceLevel.TOWNSHIP, false))
                .isEqualTo(new StageDeadlines.Limit(Duration.ofDays(10), Duration.ofDays(3)));
        assertThat(deadlines.limitFor(Stage.RESEARCH, PlaceLevel.COUNTY, false))
                .isEqualTo(new StageDeadlines.Limit(Duration.ofDays(45), Duration.ofDays(7)));
        assertThat(deadlines.limitFor(Stage.MINUTES, PlaceLevel.VILLAGE, false))
                .isEqualTo(new StageDeadlines.Limit(Duration.ofDays(7), Duration.ofDays(2)));
        assertThat(deadlines.limitFor(Stage.TOPIC_APPROVAL, PlaceLevel.VILLAGE, true))
                .isEqualTo(new StageDeadlines.Limit(Duration.ofDays(1), Duration.ofHours(12)));
        assertThat(deadlines.limitFor(Stage.TRANSFER, PlaceLevel.TOWNSHIP, false))
                .isEqualTo(new StageDeadlines.Limit(Duration.ofDays(180), Duration.ofDays(15)));
        assertThat(deadlines.limitFor(Stage.PLANNING, PlaceLevel.INSTITUTION, false).limit())
                .isEqualTo(Duration.ofDays(7));
        // a period in weeks or months is understood too
        assertThat(new StageDeadlines.Limit(Period.ofWeeks(1), Period.ofDays(2)).dueFrom(T0)).isEqualTo(T0.plusDays(7));
    }

    @Test
    void remindersAndEscalationsFireAtTheLimitsFromTheDecisionTable() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("镇区路灯维修"));
        Consultation c = consultations.getByNumber(pi.getBusinessKey());
        StageDeadlines.Limit limit = deadlines.limitFor(Stage.TOPIC_APPROVAL, PlaceLevel.TOWNSHIP, false);
        OffsetDateTime due = limit.dueFrom(T0);
        OffsetDateTime remind = limit.reminderBefore(due);
        assertThat(due).isEqualTo(T0.plusDays(10));
        assertThat(remind).isEqualTo(T0.plusDays(7));

        Task approval = tasklist.task(c.number(), TASK_APPROVE_TOPIC);
        assertThat(approval.getDueDate()).isEqualTo(date(due));
        assertThat(jobsDue(pi)).containsExactlyInAnyOrder(date(remind), date(due));

        at(remind.minusMinutes(1));
        assertThat(executable(pi)).isEmpty();
        at(remind.plusMinutes(1));
        managementService.executeJob(executable(pi).get(0).getId());
        assertThat(inbox("yunling.party", c.id())).extracting(Notification::kind)
                .containsExactly(NotificationKind.REMINDER);
        assertThat(inbox("yunling.party", c.id()).get(0).body()).contains("党组织审定议题", "2026年3月12日 09:00");
        assertThat(inbox("qingxi.supervisor", c.id())).isEmpty();

        at(due.minusMinutes(1));
        assertThat(executable(pi)).isEmpty();
        at(due.plusMinutes(1));
        managementService.executeJob(executable(pi).get(0).getId());
        assertThat(inbox("qingxi.supervisor", c.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATION);
            assertThat(n.body()).contains("党组织审定议题", "已于2026年3月12日 09:00到期", "当前办理：云岭镇党委");
        });
        assertThat(inbox("yunling.party", c.id())).hasSize(2);
        assertThat(timeline.of(c.id())).extracting(TimelineEvent::action)
                .contains("到期提醒：党组织审定议题", "逾期督办：党组织审定议题");

        // the work is never lost: the task is still there, with whoever held it
        assertThat(pi).isWaitingAt(TASK_APPROVE_TOPIC).task().hasCandidateGroup("yunling-party");
        assertThat(jobsDue(pi)).isEmpty();
    }

    @Test
    void eachStageStartsItsOwnLimitAndKeepsTheOneItLeft() {
        ProcessInstance pi = tasklist.start(TOWNSHIP.organiser(), KEY, Forms.startConsultation("集镇农贸市场改造"));
        Consultation c = consultations.getByNumber(pi.getBusinessKey());
        at(T0.plusDays(4));
        tasklist.submit(c.number(), TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY), Forms.topicDecision("APPROVE", null));

        assertThat(tasklist.task(c.number(), TASK_DRAFT_PLAN).getDueDate()).isEqualTo(date(T0.plusDays(4 + 10)));
        assertThat(jobsDue(pi)).containsExactlyInAnyOrder(date(T0.plusDays(4 + 7)), date(T0.plusDays(4 + 10)));
        assertThat(jdbc.sql("select stage, entered_at, due_at, left_at from stage_period where consultation_id = ?")
                .param(c.id()).query((rs, n) -> List.of(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).single())
                .containsExactly("TOPIC_APPROVAL", T0.toInstant(), T0.plusDays(10).toInstant(), T0.plusDays(4).toInstant());
    }

    @Test
    void anEmergencyConsultationHasTheShortLimits() {
        var s = scenarios.at(TOWNSHIP);
        Consultation c = launcher.launch(consultations.get(s.id()).topicId(), TOWNSHIP.organiser(), true);

        Task approval = tasklist.task(c.number(), TASK_APPROVE_TOPIC);
        assertThat(approval.getDueDate()).isEqualTo(date(T0.plusDays(1)));
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(c.number()).singleResult();
        assertThat(jobsDue(pi)).containsExactlyInAnyOrder(date(T0.plusHours(12)), date(T0.plusDays(1)));
    }

    @Test
    void aReturnedDraftPastTheLimitIsNotEscalatedTwiceNorRemindedLate() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.MEETING, false).withParticipants()
                .researched(true).consulted();
        ProcessInstance pi = s.startBefore(TASK_DRAFT_MINUTES);
        OffsetDateTime due = T0.plusDays(10);
        assertThat(tasklist.task(s.number(), TASK_DRAFT_MINUTES).getDueDate()).isEqualTo(date(due));

        at(due.plusDays(2));
        runDueJobs(pi);
        assertThat(inbox("qingxi.supervisor", s.id())).extracting(Notification::kind)
                .containsExactly(NotificationKind.ESCALATION);
        int organisersMessages = inbox(TOWNSHIP.organiser(), s.id()).size();

        tasklist.submit(s.number(), TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), Forms.minutes(List.of("FEEDBACK")));
        tasklist.submit(s.number(), TASK_REVIEW_MINUTES, TOWNSHIP.user(Role.HOST),
                Forms.answer("minutesApproved", false, "请补充"));
        // the redrafted task keeps the stage's deadline; its timers are already due
        assertThat(tasklist.task(s.number(), TASK_DRAFT_MINUTES).getDueDate()).isEqualTo(date(due));
        runDueJobs(pi);

        assertThat(inbox("qingxi.supervisor", s.id())).hasSize(1);
        assertThat(inbox(TOWNSHIP.organiser(), s.id())).hasSize(organisersMessages);
        assertThat(pi).isWaitingAt(TASK_DRAFT_MINUTES);
    }

    @Test
    void aConsultationRecordedBeforeDeadlinesExistedGetsOneFromWhenItEnteredItsStage() {
        var s = scenarios.at(TOWNSHIP);
        jdbc.sql("update consultation set stage_due_at = null, stage_entered_at = ? where id = ?")
                .params(T0.minusDays(4), s.id()).update();

        deadlines.backfill();

        assertThat(jdbc.sql("select stage_due_at from consultation where id = ?").param(s.id())
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(T0.plusDays(6).toInstant());
    }

    private void runDueJobs(ProcessInstance pi) {
        for (Job job : executable(pi)) {
            managementService.executeJob(job.getId());
        }
        // the review task created meanwhile had its own timers, not yet due for the host in this test
    }

    private List<Job> executable(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
    }

    private List<Date> jobsDue(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .map(Job::getDuedate).toList();
    }

    private List<Notification> inbox(String user, long consultationId) {
        return notifications.inbox(user).stream()
                .filter(n -> n.kind() != NotificationKind.TASK && Long.valueOf(consultationId).equals(n.consultationId()))
                .toList();
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.atZoneSameInstant(FormValues.ZONE).toInstant());
    }
}

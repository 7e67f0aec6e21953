package cn.cppcc.consult.consultation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.ConsultationRepository.CurrentStage;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * Time limits per stage. {@code processes/StageDeadlines.dmn}, which administrators edit, gives the
 * limit of a stage by the level of the consultation's place and whether it is an emergency; the limit
 * is fixed when the consultation enters the stage and kept on its record, so every task of the stage
 * (a returned draft included) is due at the same moment, and a changed table applies to stages
 * entered afterwards.
 *
 * <p>The models use it on every user task: {@code camunda:dueDate="${deadlines.dueDate(execution)}"},
 * and two timeout task listeners with the timers {@code ${deadlines.reminderAt(execution)}} (the
 * reminder before the limit) and {@code ${deadlines.escalationAt(execution)}} (the escalation after
 * it). Timeout listeners never interrupt the task: the work is never lost.
 */
@Component("deadlines")
@Transactional
public class StageDeadlines {

    public static final String DECISION_KEY = "StageDeadlines";

    private final DecisionService decisionService;
    private final OrganisationService organisation;
    private final ConsultationRepository consultations;

    StageDeadlines(DecisionService decisionService, OrganisationService organisation,
            ConsultationRepository consultations) {
        this.decisionService = decisionService;
        this.organisation = organisation;
        this.consultations = consultations;
    }

    /** A stage's limit and how long before it the holders are reminded, as the decision table gives them. */
    public record Limit(TemporalAmount limit, TemporalAmount remindBefore) {

        public OffsetDateTime dueFrom(OffsetDateTime enteredAt) {
            return enteredAt.atZoneSameInstant(FormValues.ZONE).plus(limit).toOffsetDateTime();
        }

        public OffsetDateTime reminderBefore(OffsetDateTime due) {
            return due.atZoneSameInstant(FormValues.ZONE).minus(remindBefore).toOffsetDateTime();
        }
    }

    public Limit limitFor(Stage stage, PlaceLevel level, boolean emergency) {
        DmnDecisionResultEntries rule = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("stage", stage.name(), "placeLevel", level.name(), "emergency", emergency))
                .evaluate()
                .getSingleResult();
        if (rule == null) {
            throw new ProcessEngineException("StageDeadlines.dmn 没有为" + level.label() + "级“" + stage.label()
                    + "”阶段配置时限");
        }
        return new Limit(amount(rule.getEntry("limit"), stage), amount(rule.getEntry("remindBefore"), stage));
    }

    /** When a stage entered at {@code enteredAt} by a consultation at {@code placeCode} is due. */
    public OffsetDateTime dueFor(Stage stage, String placeCode, boolean emergency, OffsetDateTime enteredAt) {
        return limitFor(stage, organisation.place(placeCode).level(), emergency).dueFrom(enteredAt);
    }

    /** The current stage's deadline: the due date of a user task ({@code camunda:dueDate}). */
    public Date dueDate(DelegateExecution execution) {
        return Date.from(current(ConsultationProcess.CONSULTATION_ID.get(execution)).dueAt().toInstant());
    }

    /** The reminder's timer: the deadline less the decision table's "remind before". */
    public Date reminderAt(DelegateExecution execution) {
        long id = ConsultationProcess.CONSULTATION_ID.get(execution);
        CurrentStage stage = current(id);
        Consultation c = consultations.find(id).orElseThrow();
        Limit limit = limitFor(stage.stage(), organisation.place(c.placeCode()).level(), c.emergency());
        return Date.from(limit.reminderBefore(stage.dueAt()).toInstant());
    }

    /** The escalation's timer: the deadline itself. */
    public Date escalationAt(DelegateExecution execution) {
        return dueDate(execution);
    }

    /**
     * The consultation's current stage with its deadline; a record written before deadlines existed
     * gets its deadline here, from when it entered the stage.
     */
    public CurrentStage current(long consultationId) {
        CurrentStage stage = consultations.currentStage(consultationId).orElseThrow();
        if (stage.dueAt() != null) {
            return stage;
        }
        Consultation c = consultations.find(consultationId).orElseThrow();
        OffsetDateTime entered = stage.enteredAt() != null ? stage.enteredAt() : EngineClock.now();
        OffsetDateTime due = dueFor(stage.stage(), c.placeCode(), c.emergency(), entered);
        consultations.updateStageDue(consultationId, entered, due);
        return new CurrentStage(stage.stage(), entered, due);
    }

    /**
     * At start-up: running consultations recorded before deadlines existed get theirs, so that every
     * running consultation has one (the stalled view orders by it). Idempotent; any node may do it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void backfill() {
        consultations.runningWithoutDeadline().forEach(this::current);
    }

    private static TemporalAmount amount(Object value, Stage stage) {
        String text = value == null ? "" : value.toString().strip();
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notDuration) {
            try {
                return Period.parse(text);
            } catch (DateTimeParseException notPeriod) {
                throw new ProcessEngineException("StageDeadlines.dmn 中“" + stage.label() + "”阶段的时长“" + text
                        + "”无效，应为 ISO 8601 时长，如 P7D（7天）或 PT12H（12小时）");
            }
        }
    }
}

package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ConsultationRepository {

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Consultation> find(long id) {
        return jdbc.sql("select * from consultation where id = ?").param(id).query(Consultation.class).optional();
    }

    public Optional<Consultation> findByNumber(String number) {
        return jdbc.sql("select * from consultation where number = ?").param(number).query(Consultation.class).optional();
    }

    /** A new consultation in its first stage, due at {@code stageDueAt}. */
    public long insert(String number, long topicId, String placeCode, ConsultationKind kind, Stage stage,
            boolean emergency, String createdBy, OffsetDateTime now, OffsetDateTime stageDueAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into consultation (number, topic_id, place_code, kind, stage, emergency, created_by,
                                                  created_at, updated_at, stage_entered_at, stage_due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, topicId, placeCode, kind.name(), stage.name(), emergency, createdBy,
                        now, now, now, stageDueAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update consultation set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** The stage the consultation is in, since when, and until when. */
    public record CurrentStage(Stage stage, OffsetDateTime enteredAt, OffsetDateTime dueAt) {
    }

    public Optional<CurrentStage> currentStage(long id) {
        return jdbc.sql("select stage, stage_entered_at as entered_at, stage_due_at as due_at from consultation where id = ?")
                .param(id)
                .query(CurrentStage.class)
                .optional();
    }

    /**
     * Leaves the current stage (kept in {@code stage_period} with its start, limit and end) and enters
     * {@code stage}, due at {@code dueAt}.
     */
    public void updateStage(long id, Stage stage, OffsetDateTime now, OffsetDateTime dueAt) {
        endStagePeriod(id, now);
        jdbc.sql("update consultation set stage = ?, stage_entered_at = ?, stage_due_at = ?, updated_at = ? where id = ?")
                .params(stage.name(), now, dueAt, now, id)
                .update();
    }

    public List<Long> runningWithoutDeadline() {
        return jdbc.sql("select id from consultation where closed_at is null and stage_due_at is null")
                .query(Long.class)
                .list();
    }

    public void updateStageDue(long id, OffsetDateTime enteredAt, OffsetDateTime dueAt) {
        jdbc.sql("update consultation set stage_entered_at = ?, stage_due_at = ? where id = ?")
                .params(enteredAt, dueAt, id)
                .update();
    }

    private void endStagePeriod(long id, OffsetDateTime now) {
        jdbc.sql("""
                        insert into stage_period (consultation_id, stage, entered_at, due_at, left_at)
                        select id, stage, coalesce(stage_entered_at, updated_at), stage_due_at, ?
                        from consultation where id = ?""")
                .params(now, id)
                .update();
    }

    public void updatePlan(long id, ConsultationForm form, String host, String venue, OffsetDateTime scheduledAt,
            OffsetDateTime closingAt, boolean sensitive, OffsetDateTime now) {
        jdbc.sql("""
                        update consultation set form = ?, host = ?, venue = ?, scheduled_at = ?, closing_at = ?,
                                                sensitive = ?, updated_at = ?
                        where id = ?""")
                .params(form.name(), host, venue, scheduledAt, closingAt, sensitive, now, id)
                .update();
    }

    public void updateOutcome(long id, Outcome outcome, String summary, OffsetDateTime now) {
        jdbc.sql("update consultation set outcome = ?, outcome_summary = ?, updated_at = ? where id = ?")
                .params(outcome.name(), summary, now, id)
                .update();
    }

    /** Ends the consultation in {@code stage} (closed or rejected): no stage limit runs any more. */
    public void close(long id, Stage stage, OffsetDateTime now) {
        endStagePeriod(id, now);
        jdbc.sql("""
                        update consultation set stage = ?, closed_at = ?, updated_at = ?, stage_entered_at = ?,
                                                stage_due_at = null
                        where id = ?""")
                .params(stage.name(), now, now, now, id)
                .update();
    }

    public void insertEvent(long consultationId, Long resultItemId, String stage, String action, String actor,
            String comment, OffsetDateTime now) {
        jdbc.sql("""
                        insert into timeline_event (consultation_id, result_item_id, stage, action, actor, comment,
                                                    occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(consultationId, resultItemId, stage, action, actor, comment, now)
                .update();
    }

    public List<TimelineEvent> findEvents(long consultationId) {
        return jdbc.sql("select * from timeline_event where consultation_id = ? order by occurred_at, id")
                .param(consultationId)
                .query(TimelineEvent.class)
                .list();
    }
}

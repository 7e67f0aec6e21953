package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The escalations sent: one per task and deadline. */
@Repository
public class DeadlineEscalations {

    private final JdbcClient jdbc;

    DeadlineEscalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the escalation of {@code taskKey} due at {@code due}; false if it was escalated before. Two
     * timers firing at once on two nodes: the primary key lets one insert win, the other's job fails
     * and, retried, finds the record.
     */
    public boolean markEscalated(long consultationId, String taskKey, OffsetDateTime due, OffsetDateTime now) {
        long done = jdbc.sql("""
                        select count(*) from deadline_escalation
                        where consultation_id = ? and task_key = ? and due_at = ?""")
                .params(consultationId, taskKey, due)
                .query(Long.class)
                .single();
        if (done > 0) {
            return false;
        }
        jdbc.sql("insert into deadline_escalation (consultation_id, task_key, due_at, escalated_at) values (?, ?, ?, ?)")
                .params(consultationId, taskKey, due, now)
                .update();
        return true;
    }
}

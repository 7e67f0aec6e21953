package cn.cppcc.consult.transfer.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.transfer.Adoption;

@Repository
public class EscalationRepository {

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Escalation> findByItem(long resultItemId) {
        return jdbc.sql("select * from escalation where result_item_id = ?")
                .param(resultItemId)
                .query(Escalation.class)
                .optional();
    }

    public boolean numberTaken(EscalationKind kind, String registrationNumber) {
        return jdbc.sql("select count(*) from escalation where kind = ? and registration_number = ?")
                .params(kind.name(), registrationNumber)
                .query(Long.class)
                .single() > 0;
    }

    public void insertDraft(long resultItemId, EscalationKind kind, String title, String content, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        insert into escalation (result_item_id, kind, title, content, round, status, drafted_by, drafted_at)
                        values (?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(resultItemId, kind.name(), title, content, EscalationStatus.DRAFTED.name(), actor, now)
                .update();
    }

    public void updateDraft(long id, EscalationKind kind, String title, String content, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update escalation set kind = ?, title = ?, content = ?, round = round + 1, status = ?,
                                              drafted_by = ?, drafted_at = ?
                        where id = ?""")
                .params(kind.name(), title, content, EscalationStatus.DRAFTED.name(), actor, now, id)
                .update();
    }

    public void updateReview(long id, boolean approved, String comment, String actor, OffsetDateTime now) {
        jdbc.sql("update escalation set status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ? where id = ?")
                .params((approved ? EscalationStatus.APPROVED : EscalationStatus.RETURNED).name(), comment, actor, now, id)
                .update();
    }

    public void updateRegistration(long id, String number, String submittedTo, String handlingUnit, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update escalation set status = ?, registration_number = ?, submitted_to = ?, handling_unit = ?,
                                              registered_by = ?, registered_at = ?
                        where id = ?""")
                .params(EscalationStatus.REGISTERED.name(), number, submittedTo, handlingUnit, actor, now, id)
                .update();
    }

    public void incrementChases(long id) {
        jdbc.sql("update escalation set chases = chases + 1 where id = ?").param(id).update();
    }

    public void updateAnswer(long id, String answer, Adoption adoption, LocalDate answeredOn, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update escalation set status = ?, answer = ?, adoption = ?, answered_on = ?,
                                              answer_recorded_by = ?, answer_recorded_at = ?
                        where id = ?""")
                .params(EscalationStatus.ANSWERED.name(), answer, adoption.name(), answeredOn, actor, now, id)
                .update();
    }
}

package cn.cppcc.consult.transfer.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRepository {

    private static final String ATTACHMENT_COLUMNS =
            "id, unit_id, report_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Assignment> find(long id) {
        return jdbc.sql("select * from assignment where id = ?").param(id).query(Assignment.class).optional();
    }

    public Optional<Assignment> findByItem(long resultItemId) {
        return jdbc.sql("select * from assignment where result_item_id = ?")
                .param(resultItemId)
                .query(Assignment.class)
                .optional();
    }

    public long insert(long resultItemId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into assignment (result_item_id) values (?)").param(resultItemId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateCountyRequest(long id, String request, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        update assignment set route = ?, county_request = ?, county_requested_by = ?,
                                              county_requested_at = ?, county_proposed = null, county_proposal = null
                        where id = ?""")
                .params(AssignmentRoute.COUNTY.name(), request, actor, now, id)
                .update();
    }

    public void updateCountyProposal(long id, boolean proposed, String proposal, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        update assignment set county_proposed = ?, county_proposal = ?, county_proposed_by = ?,
                                              county_proposed_at = ?
                        where id = ?""")
                .params(proposed, proposal, actor, now, id)
                .update();
    }

    public void updateCountyInstruction(long id, String instruction, LocalDate deadline, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update assignment set county_instruction = ?, county_deadline = ?, county_instructed_by = ?,
                                              county_instructed_at = ?
                        where id = ?""")
                .params(instruction, deadline, actor, now, id)
                .update();
    }

    public void updateAssigned(long id, String requirements, String actor, OffsetDateTime now) {
        jdbc.sql("update assignment set route = ?, requirements = ?, assigned_by = ?, assigned_at = ? where id = ?")
                .params(AssignmentRoute.DIRECT.name(), requirements, actor, now, id)
                .update();
    }

    public void updateFinished(long id, OffsetDateTime now) {
        jdbc.sql("update assignment set finished_at = ? where id = ?").params(now, id).update();
    }

    public void insertUnit(long assignmentId, int seq, String department, boolean lead, String userId, LocalDate dueOn) {
        jdbc.sql("""
                        insert into assignment_unit (assignment_id, seq, department, is_lead, user_id, due_on, status)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, seq, department, lead, userId, dueOn, UnitStatus.ASSIGNED.name())
                .update();
    }

    public List<AssignmentUnit> findUnits(long assignmentId) {
        return jdbc.sql("select * from assignment_unit where assignment_id = ? order by seq")
                .param(assignmentId)
                .query(AssignmentUnit.class)
                .list();
    }

    public Optional<AssignmentUnit> findUnit(long unitId) {
        return jdbc.sql("select * from assignment_unit where id = ?").param(unitId).query(AssignmentUnit.class).optional();
    }

    /** The unit, locked for the rest of the transaction: reports and uploads of one department queue up. */
    public Optional<AssignmentUnit> lockUnit(long unitId) {
        return jdbc.sql("select * from assignment_unit where id = ? for update")
                .param(unitId)
                .query(AssignmentUnit.class)
                .optional();
    }

    public long insertReport(long unitId, UnitStatus status, int progress, String content, String actor,
            OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into progress_report (unit_id, status, progress, content, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(unitId, status.name(), progress, content, actor, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateUnitProgress(long unitId, UnitStatus status, int progress, OffsetDateTime now) {
        jdbc.sql("""
                        update assignment_unit set status = ?, progress = ?, last_reported_at = ?, completed_at = ?
                        where id = ?""")
                .params(status.name(), progress, now, status == UnitStatus.DONE ? now : null, unitId)
                .update();
    }

    public void updateReminded(long unitId, OffsetDateTime now) {
        jdbc.sql("update assignment_unit set reminded_at = ? where id = ?").params(now, unitId).update();
    }

    public int incrementOverdueNotices(long unitId) {
        jdbc.sql("update assignment_unit set overdue_notices = overdue_notices + 1 where id = ?").param(unitId).update();
        return jdbc.sql("select overdue_notices from assignment_unit where id = ?").param(unitId).query(Integer.class)
                .single();
    }

    public List<ProgressReport> findReports(long unitId) {
        return jdbc.sql("select * from progress_report where unit_id = ? order by reported_at, id")
                .param(unitId)
                .query(ProgressReport.class)
                .list();
    }

    public long insertAttachment(long unitId, String fileName, String contentType, byte[] content, String actor,
            OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into progress_attachment (unit_id, file_name, content_type, size_bytes, content,
                                                         uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(unitId, fileName, contentType, content.length, content, actor, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<ProgressAttachment> findAttachments(long unitId) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from progress_attachment where unit_id = ? order by id")
                .param(unitId)
                .query(ProgressAttachment.class)
                .list();
    }

    public Optional<ProgressAttachment> findAttachment(long id) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from progress_attachment where id = ?")
                .param(id)
                .query(ProgressAttachment.class)
                .optional();
    }

    public byte[] attachmentContent(long id) {
        return jdbc.sql("select content from progress_attachment where id = ?").param(id).query(byte[].class).single();
    }

    /** The files uploaded since the last report become part of this one. */
    public int attachPending(long unitId, long reportId) {
        return jdbc.sql("update progress_attachment set report_id = ? where unit_id = ? and report_id is null")
                .params(reportId, unitId)
                .update();
    }

    public int deletePendingAttachment(long id) {
        return jdbc.sql("delete from progress_attachment where id = ? and report_id is null").param(id).update();
    }
}

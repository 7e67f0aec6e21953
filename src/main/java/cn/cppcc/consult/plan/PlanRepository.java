package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.consultation.ConsultationForm;

/** Annual plans, their items, amendments and events. */
@Repository
public class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AnnualPlan> find(long id) {
        return jdbc.sql("select * from annual_plan where id = ?").param(id).query(AnnualPlan.class).optional();
    }

    public Optional<AnnualPlan> findByPlaceAndYear(String placeCode, int year) {
        return jdbc.sql("select * from annual_plan where place_code = ? and plan_year = ?")
                .params(placeCode, year)
                .query(AnnualPlan.class)
                .optional();
    }

    public long insert(String number, String placeCode, int year, String title, String createdBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into annual_plan (number, place_code, plan_year, title, status, created_by, created_at,
                                                 updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, placeCode, year, title, PlanStatus.DRAFTING.name(), createdBy, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update annual_plan set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void updateStatus(long id, PlanStatus status, OffsetDateTime now) {
        jdbc.sql("update annual_plan set status = ?, updated_at = ? where id = ?").params(status.name(), now, id).update();
    }

    public void updateDocumentNumber(long id, String documentNumber, OffsetDateTime now) {
        jdbc.sql("update annual_plan set document_number = ?, updated_at = ? where id = ?")
                .params(documentNumber, now, id)
                .update();
    }

    public void markIssued(long id, OffsetDateTime now) {
        jdbc.sql("update annual_plan set status = ?, issued_at = ?, updated_at = ? where id = ?")
                .params(PlanStatus.ISSUED.name(), now, now, id)
                .update();
    }

    // ---- items

    public List<PlanItem> items(long planId) {
        return jdbc.sql("select * from plan_item where plan_id = ? order by planned_on, id")
                .param(planId)
                .query(PlanItem.class)
                .list();
    }

    public Optional<PlanItem> item(long planId, long topicId) {
        return jdbc.sql("select * from plan_item where plan_id = ? and topic_id = ?")
                .params(planId, topicId)
                .query(PlanItem.class)
                .optional();
    }

    public void deleteDraftItems(long planId) {
        jdbc.sql("delete from plan_item where plan_id = ? and status = ?").params(planId, PlanItemStatus.DRAFT.name())
                .update();
    }

    public void insertItem(long planId, long topicId, LocalDate plannedOn, PlanItemStatus status, PlanItemOrigin origin,
            OffsetDateTime now) {
        jdbc.sql("""
                        insert into plan_item (plan_id, topic_id, planned_on, status, origin, added_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(planId, topicId, plannedOn, status.name(), origin.name(), now)
                .update();
    }

    public void updateItem(long itemId, LocalDate plannedOn, PlanItemStatus status) {
        jdbc.sql("update plan_item set planned_on = ?, status = ? where id = ?")
                .params(plannedOn, status.name(), itemId)
                .update();
    }

    public void markLaunched(long itemId, long consultationId) {
        jdbc.sql("update plan_item set status = ?, consultation_id = ? where id = ?")
                .params(PlanItemStatus.LAUNCHED.name(), consultationId, itemId)
                .update();
    }

    /** An item back in the plan: a topic dropped earlier and added again. */
    public void replan(long itemId, LocalDate plannedOn, PlanItemOrigin origin) {
        jdbc.sql("update plan_item set planned_on = ?, status = ?, origin = ? where id = ?")
                .params(plannedOn, PlanItemStatus.PLANNED.name(), origin.name(), itemId)
                .update();
    }

    // ---- amendments

    public long insertAmendment(long planId, String reason, String actor, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into plan_amendment (plan_id, reason, status, proposed_by, proposed_at)
                        values (?, ?, ?, ?, ?)""")
                .params(planId, reason, AmendmentStatus.PROPOSED.name(), actor, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertChange(long amendmentId, Amendment.Proposed change) {
        jdbc.sql("insert into plan_amendment_change (amendment_id, action, topic_id, planned_on) values (?, ?, ?, ?)")
                .params(amendmentId, change.action().name(), change.topicId(), change.plannedOn())
                .update();
    }

    public Optional<Amendment> latestAmendment(long planId) {
        return jdbc.sql("select * from plan_amendment where plan_id = ? order by id desc")
                .param(planId)
                .query(Amendment.class)
                .list().stream().findFirst();
    }

    public List<Amendment.Change> changes(long amendmentId) {
        return jdbc.sql("select * from plan_amendment_change where amendment_id = ? order by id")
                .param(amendmentId)
                .query(Amendment.Change.class)
                .list();
    }

    public void decideAmendment(long amendmentId, AmendmentStatus status, String comment, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update plan_amendment set status = ?, decision_comment = ?, decided_by = ?, decided_at = ?
                        where id = ?""")
                .params(status.name(), comment, actor, now, amendmentId)
                .update();
    }

    public void updateAmendmentStatus(long amendmentId, AmendmentStatus status) {
        jdbc.sql("update plan_amendment set status = ? where id = ?").params(status.name(), amendmentId).update();
    }

    // ---- temporary topics

    public Optional<TemporaryTopic> findTemporary(long id) {
        return jdbc.sql("select * from temporary_topic where id = ?").param(id).query(TemporaryTopic.class).optional();
    }

    public long insertTemporary(long topicId, String reason, boolean fromCandidate, String actor, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into temporary_topic (topic_id, reason, from_candidate, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(topicId, reason, fromCandidate, actor, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateTemporaryDraft(long id, ConsultationForm form, LocalDate plannedOn, String participantsScope,
            String researchPlan, OffsetDateTime now) {
        jdbc.sql("""
                        update temporary_topic set consultation_form = ?, planned_on = ?, participants_scope = ?,
                                                   research_plan = ?, updated_at = ?
                        where id = ?""")
                .params(form.name(), plannedOn, participantsScope, researchPlan, now, id)
                .update();
    }

    /** The draft item of a topic proposed into an issued plan of {@code placeCode} (emergency follow-up). */
    public Optional<PlanItem> draftItemOf(String placeCode, long topicId) {
        return jdbc.sql("""
                        select i.* from plan_item i join annual_plan p on p.id = i.plan_id
                        where p.place_code = ? and i.topic_id = ? and i.status = ?""")
                .params(placeCode, topicId, PlanItemStatus.DRAFT.name())
                .query(PlanItem.class)
                .optional();
    }

    public void deleteItem(long itemId) {
        jdbc.sql("delete from plan_item where id = ?").param(itemId).update();
    }

    // ---- events

    public void insertEvent(long planId, String action, String actor, String comment, OffsetDateTime now) {
        jdbc.sql("insert into plan_event (plan_id, action, actor, comment, occurred_at) values (?, ?, ?, ?, ?)")
                .params(planId, action, actor, comment, now)
                .update();
    }

    public List<PlanEvent> events(long planId) {
        return jdbc.sql("select * from plan_event where plan_id = ? order by occurred_at, id")
                .param(planId)
                .query(PlanEvent.class)
                .list();
    }
}

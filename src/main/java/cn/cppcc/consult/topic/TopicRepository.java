package cn.cppcc.consult.topic;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Topic> find(long id) {
        return jdbc.sql("select * from topic where id = ?").param(id).query(Topic.class).optional();
    }

    public long insert(Topic topic) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into topic (number, title, description, source, source_level, place_code, status,
                                           created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(topic.number(), topic.title(), topic.description(), topic.source().name(),
                        topic.sourceLevel().name(), topic.placeCode(), topic.status().name(), topic.createdBy(),
                        topic.createdAt(), topic.updatedAt())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateContent(long id, String title, String description, OffsetDateTime now) {
        jdbc.sql("update topic set title = ?, description = ?, updated_at = ? where id = ?")
                .params(title, description, now, id)
                .update();
    }

    public void updateStatus(long id, TopicStatus status, String rejectionReason, OffsetDateTime now) {
        jdbc.sql("update topic set status = ?, rejection_reason = ?, updated_at = ? where id = ?")
                .params(status.name(), rejectionReason, now, id)
                .update();
    }

    public Optional<Topic> findByNumber(String number) {
        return jdbc.sql("select * from topic where number = ?").param(number).query(Topic.class).optional();
    }

    public boolean receiptTaken(String receiptNumber) {
        return jdbc.sql("select count(*) from topic where receipt_number = ?").param(receiptNumber).query(Long.class)
                .single() > 0;
    }

    public TopicDetails details(long id) {
        return jdbc.sql("""
                        select id, receipt_number, proposer, affected_count, occurrence_place_code, consultation_kind,
                               plan_place_code, follows_topic_id
                        from topic where id = ?""")
                .param(id)
                .query(TopicDetails.class)
                .single();
    }

    /** Where a topic came from, set once when it is registered. */
    public void updateOrigin(long id, String receiptNumber, String proposer, Integer affectedCount,
            String occurrencePlaceCode) {
        jdbc.sql("""
                        update topic set receipt_number = ?, proposer = ?, affected_count = ?, occurrence_place_code = ?
                        where id = ?""")
                .params(receiptNumber, proposer, affectedCount, occurrencePlaceCode, id)
                .update();
    }

    public void updateOccurrence(long id, String occurrencePlaceCode, OffsetDateTime now) {
        jdbc.sql("update topic set occurrence_place_code = ?, updated_at = ? where id = ?")
                .params(occurrencePlaceCode, now, id)
                .update();
    }

    /** An accepted topic: the kind of consultation, where it is held and whose plan it waits for. */
    public void route(long id, String consultationKind, String placeCode, String planPlaceCode, OffsetDateTime now) {
        jdbc.sql("""
                        update topic set consultation_kind = ?, place_code = ?, plan_place_code = ?, updated_at = ?
                        where id = ?""")
                .params(consultationKind, placeCode, planPlaceCode, now, id)
                .update();
    }

    public void updateFollows(long id, long followsTopicId) {
        jdbc.sql("update topic set follows_topic_id = ? where id = ?").params(followsTopicId, id).update();
    }

    /** Accepted topics waiting for the annual plan of {@code planPlaceCode}, oldest first. */
    public List<Topic> findCandidates(String planPlaceCode) {
        return jdbc.sql("select * from topic where plan_place_code = ? and status = ? order by created_at, id")
                .params(planPlaceCode, TopicStatus.ACCEPTED.name())
                .query(Topic.class)
                .list();
    }

    public void insertEvent(long topicId, String action, String actor, String comment, OffsetDateTime now) {
        jdbc.sql("insert into topic_event (topic_id, action, actor, comment, occurred_at) values (?, ?, ?, ?, ?)")
                .params(topicId, action, actor, comment, now)
                .update();
    }

    public List<TopicEvent> findEvents(long topicId) {
        return jdbc.sql("select * from topic_event where topic_id = ? order by occurred_at, id")
                .param(topicId)
                .query(TopicEvent.class)
                .list();
    }
}

package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.consultation.ConsultationForm;

/** The online opinions in table {@code opinion} (channel ONLINE), their support and their history. */
@Repository
class OnlineOpinionRepository {

    private static final String SELECT = """
            select o.id, o.consultation_id, o.participant_id, o.citizen_id, o.author_name, o.author_role, o.content,
                   o.hidden, o.hidden_reason, o.created_at, o.updated_at,
                   (select count(*) from opinion_support s where s.opinion_id = o.id) as supports
            from opinion o""";
    private static final String ONLINE = ConsultationForm.ONLINE.name();

    private final JdbcClient jdbc;

    OnlineOpinionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long consultationId, Long participantId, long citizenId, String authorName, OnlineRole role,
            String content, String createdBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into opinion (consultation_id, participant_id, citizen_id, author_name, author_role, channel,
                                             content, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consultationId, participantId, citizenId, authorName, role.name(), ONLINE, content, createdBy, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<OnlineOpinion> find(long id) {
        return jdbc.sql(SELECT + " where o.id = ? and o.channel = ?").params(id, ONLINE)
                .query(OnlineOpinion.class).optional();
    }

    /** All of a consultation's online opinions, hidden ones included, oldest first. */
    List<OnlineOpinion> findAll(long consultationId) {
        return jdbc.sql(SELECT + " where o.consultation_id = ? and o.channel = ? order by o.created_at, o.id")
                .params(consultationId, ONLINE)
                .query(OnlineOpinion.class)
                .list();
    }

    long countOf(long consultationId, long citizenId) {
        return jdbc.sql("select count(*) from opinion where consultation_id = ? and citizen_id = ? and channel = ?")
                .params(consultationId, citizenId, ONLINE).query(Long.class).single();
    }

    long count(long consultationId) {
        return jdbc.sql("select count(*) from opinion where consultation_id = ? and channel = ?")
                .params(consultationId, ONLINE).query(Long.class).single();
    }

    /** Opinions the public sees, per consultation. */
    Map<Long, Long> visibleCounts(Collection<Long> consultationIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (consultationIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select consultation_id, count(*) from opinion
                        where consultation_id in (:ids) and channel = :channel and hidden = false
                        group by consultation_id""")
                .param("ids", consultationIds)
                .param("channel", ONLINE)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    void updateContent(long id, String content, OnlineRole role, Long participantId, OffsetDateTime now) {
        jdbc.sql("update opinion set content = ?, author_role = ?, participant_id = ?, updated_at = ? where id = ?")
                .params(content, role.name(), participantId, now, id)
                .update();
    }

    void updateHidden(long id, boolean hidden, String reason) {
        jdbc.sql("update opinion set hidden = ?, hidden_reason = ? where id = ?").params(hidden, reason, id).update();
    }

    /** False if the person already supports it. */
    boolean support(long opinionId, long citizenId, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into opinion_support (opinion_id, citizen_id, created_at)
                        select ?, ?, ? where not exists (
                            select 1 from opinion_support where opinion_id = ? and citizen_id = ?)""")
                .params(opinionId, citizenId, now, opinionId, citizenId)
                .update() == 1;
    }

    void withdrawSupport(long opinionId, long citizenId) {
        jdbc.sql("delete from opinion_support where opinion_id = ? and citizen_id = ?").params(opinionId, citizenId).update();
    }

    /** The opinions of a consultation the person supports. */
    Set<Long> supportedBy(long consultationId, long citizenId) {
        return new HashSet<>(jdbc.sql("""
                        select s.opinion_id from opinion_support s join opinion o on o.id = s.opinion_id
                        where o.consultation_id = ? and s.citizen_id = ?""")
                .params(consultationId, citizenId)
                .query(Long.class)
                .list());
    }

    void insertEvent(long opinionId, OpinionEvent.Action action, String content, String reason, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        insert into opinion_history (opinion_id, action, content, reason, actor, occurred_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(opinionId, action.name(), content, reason, actor, now)
                .update();
    }

    /** Every event of every online opinion of the consultation, in order. */
    List<OpinionEvent> history(long consultationId) {
        return jdbc.sql("""
                        select h.* from opinion_history h join opinion o on o.id = h.opinion_id
                        where o.consultation_id = ? order by h.occurred_at, h.id""")
                .param(consultationId)
                .query(OpinionEvent.class)
                .list();
    }
}

package cn.cppcc.consult.citizen;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The only place citizens' names and mobile numbers are read or written. */
@Repository
public class CitizenRepository {

    private final JdbcClient jdbc;

    CitizenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String mobile, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into citizen (name, mobile, created_at) values (?, ?, ?)")
                .params(name, mobile, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Citizen> find(long id) {
        return jdbc.sql("select * from citizen where id = ?").param(id).query(Citizen.class).optional();
    }

    /** The people who gave this mobile number (several when family members share a phone), anonymised ones excepted. */
    public List<Citizen> findByMobile(String mobile) {
        return jdbc.sql("select * from citizen where mobile = ? and anonymised_at is null order by id")
                .param(mobile)
                .query(Citizen.class)
                .list();
    }

    public void link(long topicId, long citizenId, CitizenRelation relation) {
        jdbc.sql("""
                        insert into topic_citizen (topic_id, citizen_id, relation)
                        select ?, ?, ? where not exists (
                            select 1 from topic_citizen where topic_id = ? and citizen_id = ? and relation = ?)""")
                .params(topicId, citizenId, relation.name(), topicId, citizenId, relation.name())
                .update();
    }

    /** The citizens who raised or are affected by the topic, each once. */
    public List<Long> citizensOfTopic(long topicId) {
        return jdbc.sql("select distinct citizen_id from topic_citizen where topic_id = ? order by citizen_id")
                .param(topicId)
                .query(Long.class)
                .list();
    }

    /** The citizens who raised the topic (its submitters), each once. */
    public List<Long> raisersOfTopic(long topicId) {
        return jdbc.sql("select citizen_id from topic_citizen where topic_id = ? and relation = ? order by citizen_id")
                .params(topicId, CitizenRelation.RAISED.name())
                .query(Long.class)
                .list();
    }

    /**
     * The topic with this receipt number, if it was raised by a citizen with this mobile number: one
     * query, so an unknown receipt and a wrong mobile number are told apart by nobody.
     */
    public Optional<Long> topicRaisedBy(String receiptNumber, String mobile) {
        return jdbc.sql("""
                        select t.id from topic t
                        join topic_citizen tc on tc.topic_id = t.id and tc.relation = ?
                        join citizen c on c.id = tc.citizen_id
                        where t.receipt_number = ? and c.mobile = ? and c.anonymised_at is null""")
                .params(CitizenRelation.RAISED.name(), receiptNumber, mobile)
                .query(Long.class)
                .optional();
    }

    /** Blanks the personal data in place; the record and its links stay for statistics. */
    public void anonymise(long id, OffsetDateTime now) {
        jdbc.sql("update citizen set name = '', mobile = '', anonymised_at = ? where id = ? and anonymised_at is null")
                .params(now, id)
                .update();
    }
}

package cn.cppcc.consult.topic;

import java.time.OffsetDateTime;
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
}

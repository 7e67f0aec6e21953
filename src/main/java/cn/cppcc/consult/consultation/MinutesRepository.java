package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MinutesRepository {

    private final JdbcClient jdbc;

    MinutesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Minutes> findLatest(long consultationId) {
        return jdbc.sql("select * from minutes where consultation_id = ? order by round desc limit 1")
                .param(consultationId)
                .query(Minutes.class)
                .optional();
    }

    public void insert(long consultationId, int round, String content, String draftedBy, OffsetDateTime now) {
        jdbc.sql("""
                        insert into minutes (consultation_id, round, content, status, drafted_by, drafted_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(consultationId, round, content, ReviewStatus.SUBMITTED.name(), draftedBy, now)
                .update();
    }

    public void review(long id, ReviewStatus status, String comment, String reviewer, OffsetDateTime now) {
        jdbc.sql("update minutes set status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ? where id = ?")
                .params(status.name(), comment, reviewer, now, id)
                .update();
    }

    public void markSent(long id, OffsetDateTime now) {
        jdbc.sql("update minutes set sent_at = ? where id = ?").params(now, id).update();
    }

    public void file(long id, String filingNumber, String filedBy, OffsetDateTime now) {
        jdbc.sql("update minutes set filing_number = ?, filed_by = ?, filed_at = ? where id = ?")
                .params(filingNumber, filedBy, now, id)
                .update();
    }
}

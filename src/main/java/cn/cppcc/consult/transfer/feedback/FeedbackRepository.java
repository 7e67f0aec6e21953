package cn.cppcc.consult.transfer.feedback;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Satisfaction;

@Repository
public class FeedbackRepository {

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeedbackReport> findReports(long resultItemId) {
        return jdbc.sql("select * from feedback_report where result_item_id = ? order by seq")
                .param(resultItemId)
                .query(FeedbackReport.class)
                .list();
    }

    public void insertReport(long resultItemId, int seq, boolean isFinal, Adoption adoption, String content,
            String actor, OffsetDateTime now) {
        jdbc.sql("""
                        insert into feedback_report (result_item_id, seq, is_final, adoption, content, reported_by,
                                                     reported_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(resultItemId, seq, isFinal, adoption.name(), content, actor, now)
                .update();
    }

    public void updateSent(long id, int members, int citizens, OffsetDateTime now) {
        jdbc.sql("update feedback_report set sent_at = ?, member_count = ?, citizen_count = ? where id = ?")
                .params(now, members, citizens, id)
                .update();
    }

    public void insertRating(long resultItemId, long citizenId, String token, OffsetDateTime now,
            OffsetDateTime closesAt) {
        jdbc.sql("""
                        insert into satisfaction_rating (result_item_id, citizen_id, token, invited_at, closes_at)
                        values (?, ?, ?, ?, ?)""")
                .params(resultItemId, citizenId, token, now, closesAt)
                .update();
    }

    public List<SatisfactionRating> findRatings(long resultItemId) {
        return jdbc.sql("select * from satisfaction_rating where result_item_id = ? order by id")
                .param(resultItemId)
                .query(SatisfactionRating.class)
                .list();
    }

    public Optional<SatisfactionRating> findRating(String token) {
        return jdbc.sql("select * from satisfaction_rating where token = ?")
                .param(token)
                .query(SatisfactionRating.class)
                .optional();
    }

    /** Ratings of one item are given one at a time, so that the last one is known to be the last. */
    public void lockItem(long resultItemId) {
        jdbc.sql("select id from result_item where id = ? for update").param(resultItemId).query(Long.class).single();
    }

    /** Records the rating once, while the rating period is open; answers whether it was recorded. */
    public boolean rate(String token, Satisfaction rating, String comment, OffsetDateTime now) {
        return jdbc.sql("""
                        update satisfaction_rating set rating = ?, comment = ?, rated_at = ?
                        where token = ? and rated_at is null and closes_at > ?""")
                .params(rating.name(), comment, now, token, now)
                .update() == 1;
    }

    public long unrated(long resultItemId) {
        return jdbc.sql("select count(*) from satisfaction_rating where result_item_id = ? and rated_at is null")
                .param(resultItemId)
                .query(Long.class)
                .single();
    }

    /** Counts per item of the given items: invited, rated, and each rating. */
    public SatisfactionStats stats(Collection<Long> resultItemIds) {
        if (resultItemIds.isEmpty()) {
            return SatisfactionStats.NONE;
        }
        return jdbc.sql("""
                        select count(*) invited, count(rated_at) rated,
                               sum(case when rating = 'SATISFIED' then 1 else 0 end) satisfied,
                               sum(case when rating = 'BASICALLY_SATISFIED' then 1 else 0 end) basic,
                               sum(case when rating = 'UNSATISFIED' then 1 else 0 end) unsatisfied
                        from satisfaction_rating where result_item_id in (:ids)""")
                .param("ids", resultItemIds)
                .query((rs, n) -> new SatisfactionStats(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .single();
    }
}

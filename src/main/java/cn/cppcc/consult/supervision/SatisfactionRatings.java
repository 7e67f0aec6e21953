package cn.cppcc.consult.supervision;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.process.EngineClock;

/**
 * The interface between whoever collects satisfaction ratings (the feedback and effectiveness-inquiry
 * mechanisms) and the statistics: one row per rating in {@code satisfaction_rating}, naming the
 * consultation (and the result item, if the rating is about one), where it came from and what it was.
 */
@Repository
public class SatisfactionRatings {

    private final JdbcClient jdbc;

    SatisfactionRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long consultationId, Long resultItemId, Satisfaction.Source source, Satisfaction rating) {
        jdbc.sql("""
                        insert into satisfaction_rating (consultation_id, result_item_id, source, rating, rated_at)
                        values (?, ?, ?, ?, ?)""")
                .params(consultationId, resultItemId, source.name(), rating.name(), EngineClock.now())
                .update();
    }

    /** Ratings given for the consultations of the given places opened in [{@code from}, {@code to}). */
    public Map<Satisfaction, Long> count(List<String> roots, OffsetDateTime from, OffsetDateTime to) {
        Map<Satisfaction, Long> counts = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql(PlaceScope.SUBTREE + """
                        select r.rating, count(*) as n
                        from satisfaction_rating r join consultation c on c.id = r.consultation_id
                        where c.place_code in (select code from scope) and c.created_at >= :from and c.created_at < :to
                        group by r.rating""")
                .param("roots", roots).param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    counts.put(Satisfaction.valueOf(rs.getString("rating")), rs.getLong("n"));
                });
        return counts;
    }
}

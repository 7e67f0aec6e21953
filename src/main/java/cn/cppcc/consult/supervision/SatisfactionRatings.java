package cn.cppcc.consult.supervision;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.transfer.Satisfaction;

/**
 * Satisfaction with a consultation's results, as the mechanisms record it: citizens rating the final
 * feedback from their link ({@code satisfaction_rating}, rated ones) and the democratic evaluation
 * (民主评议) of each effectiveness inquiry round ({@code inquiry_evaluation}).
 */
@Repository
public class SatisfactionRatings {

    private final JdbcClient jdbc;

    SatisfactionRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ratings given for the consultations of the given places opened in [{@code from}, {@code to}). */
    public Map<Satisfaction, Long> count(List<String> roots, OffsetDateTime from, OffsetDateTime to) {
        Map<Satisfaction, Long> counts = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql(PlaceScope.SUBTREE + """
                        select r.rating, count(*) as n
                        from (select s.rating, i.consultation_id
                              from satisfaction_rating s join result_item i on i.id = s.result_item_id
                              where s.rating is not null
                              union all
                              select e.rating, i.consultation_id
                              from inquiry_evaluation e join inquiry q on q.id = e.inquiry_id
                                   join result_item i on i.id = q.result_item_id) r
                             join consultation c on c.id = r.consultation_id
                        where c.place_code in (select code from scope) and c.created_at >= :from and c.created_at < :to
                        group by r.rating""")
                .param("roots", roots).param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    counts.put(Satisfaction.valueOf(rs.getString("rating")), rs.getLong("n"));
                });
        return counts;
    }
}

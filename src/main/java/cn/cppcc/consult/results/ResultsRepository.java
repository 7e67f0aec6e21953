package cn.cppcc.consult.results;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.Stage;

/** The consultations the results pages list: those carrying results (成果转化) or closed. */
@Repository
public class ResultsRepository {

    private final JdbcClient jdbc;

    ResultsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In transfer or closed, at the given places (all places if null), most recently changed first. */
    public List<Consultation> withResults(Collection<Stage> stages, Collection<String> places, int limit) {
        if (places != null && places.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from consultation where stage in (:stages)"
                        + (places == null ? "" : " and place_code in (:places)")
                        + " order by updated_at desc, id desc limit :limit")
                .param("stages", stages.stream().map(Stage::name).toList())
                .param("places", places == null ? List.of("") : places)
                .param("limit", limit)
                .query(Consultation.class)
                .list();
    }

    public long countClosed(Collection<String> places) {
        return jdbc.sql("select count(*) from consultation where stage = 'CLOSED'"
                        + (places == null ? "" : " and place_code in (:places)"))
                .param("places", places == null ? List.of("") : places)
                .query(Long.class)
                .single();
    }

    /** Closed consultations, newest first, one page. */
    public List<Consultation> closed(Collection<String> places, int offset, int limit) {
        return jdbc.sql("select * from consultation where stage = 'CLOSED'"
                        + (places == null ? "" : " and place_code in (:places)")
                        + " order by closed_at desc, id desc limit :limit offset :offset")
                .param("places", places == null ? List.of("") : places)
                .param("limit", limit)
                .param("offset", offset)
                .query(Consultation.class)
                .list();
    }

    /** The places that have closed consultations, for the public window's filter. */
    public List<String> placesWithClosed() {
        return jdbc.sql("select distinct place_code from consultation where stage = 'CLOSED' order by place_code")
                .query(String.class)
                .list();
    }
}

package cn.cppcc.consult.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Assessment> find(long id) {
        return jdbc.sql("select * from assessment where id = ?").param(id).query(Assessment.class).optional();
    }

    public Optional<Assessment> find(String county, int year) {
        return jdbc.sql("select * from assessment where place_code = ? and assessed_year = ?").params(county, year)
                .query(Assessment.class).optional();
    }

    public List<Assessment> findAll(String county) {
        return jdbc.sql("select * from assessment where place_code = ? order by assessed_year desc").param(county)
                .query(Assessment.class).list();
    }

    public long insert(String county, int year, String startedBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into assessment (place_code, assessed_year, status, started_by, started_at)
                        values (?, ?, ?, ?, ?)""")
                .params(county, year, Assessment.Status.SCORING.name(), startedBy, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update assessment set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void publish(long id, OffsetDateTime now) {
        jdbc.sql("update assessment set status = ?, published_at = ? where id = ?")
                .params(Assessment.Status.PUBLISHED.name(), now, id).update();
    }

    /** Writes a score, replacing an earlier one of the same township and dimension. */
    public void saveScore(long assessmentId, Score score, OffsetDateTime now) {
        int updated = jdbc.sql("""
                        update assessment_score set points = ?, basis = ?, scored_by = ?, scored_at = ?
                        where assessment_id = ? and township_code = ? and dimension = ?""")
                .params(score.points(), score.basis(), score.scoredBy(), now, assessmentId, score.townshipCode(),
                        score.dimension().name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into assessment_score (assessment_id, township_code, dimension, points, basis,
                                                          scored_by, scored_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(assessmentId, score.townshipCode(), score.dimension().name(), score.points(), score.basis(),
                            score.scoredBy(), now)
                    .update();
        }
    }

    public List<Score> scores(long assessmentId) {
        return jdbc.sql("""
                        select township_code, dimension, points, basis, scored_by from assessment_score
                        where assessment_id = ? order by township_code, id""")
                .param(assessmentId)
                .query((rs, n) -> new Score(rs.getString(1), AssessmentDimension.valueOf(rs.getString(2)),
                        rs.getObject(3, BigDecimal.class), rs.getString(4), rs.getString(5)))
                .list();
    }

    public List<String> townships(long assessmentId) {
        return jdbc.sql("select distinct township_code from assessment_score where assessment_id = ? order by township_code")
                .param(assessmentId).query(String.class).list();
    }
}

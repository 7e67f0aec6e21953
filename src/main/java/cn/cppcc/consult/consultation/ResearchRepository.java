package cn.cppcc.consult.consultation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ResearchRepository {

    private final JdbcClient jdbc;

    ResearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ResearchReport> findLatest(long consultationId) {
        return jdbc.sql("select * from research_report where consultation_id = ? order by round desc limit 1")
                .param(consultationId)
                .query(ResearchReport.class)
                .optional();
    }

    public List<ResearchReport> findAll(long consultationId) {
        return jdbc.sql("select * from research_report where consultation_id = ? order by round")
                .param(consultationId)
                .query(ResearchReport.class)
                .list();
    }

    public long insertReport(long consultationId, int round, String summary, String submittedBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into research_report (consultation_id, round, summary, status, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(consultationId, round, summary, ReviewStatus.SUBMITTED.name(), submittedBy, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertActivity(long reportId, ResearchKind kind, LocalDate heldOn, String summary) {
        jdbc.sql("insert into research_activity (research_report_id, kind, held_on, summary) values (?, ?, ?, ?)")
                .params(reportId, kind.name(), heldOn, summary)
                .update();
    }

    public List<ResearchActivity> findActivities(long reportId) {
        return jdbc.sql("select * from research_activity where research_report_id = ? order by held_on, id")
                .param(reportId)
                .query(ResearchActivity.class)
                .list();
    }

    public void review(long reportId, ReviewStatus status, String comment, String reviewer, OffsetDateTime now) {
        jdbc.sql("""
                        update research_report set status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?
                        where id = ?""")
                .params(status.name(), comment, reviewer, now, reportId)
                .update();
    }
}

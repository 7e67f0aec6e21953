package cn.cppcc.consult.transfer.inquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.transfer.Satisfaction;

@Repository
public class InquiryRepository {

    private final JdbcClient jdbc;

    InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Inquiry> findByItem(long resultItemId) {
        return jdbc.sql("select * from inquiry where result_item_id = ?").param(resultItemId).query(Inquiry.class)
                .optional();
    }

    public void insert(long resultItemId, OffsetDateTime now) {
        jdbc.sql("insert into inquiry (result_item_id, round, status, started_at) values (?, 1, ?, ?)")
                .params(resultItemId, InquiryStatus.INQUIRING.name(), now)
                .update();
    }

    public void updateStatus(long id, InquiryStatus status) {
        jdbc.sql("update inquiry set status = ? where id = ?").params(status.name(), id).update();
    }

    public void nextRound(long id) {
        jdbc.sql("update inquiry set round = round + 1, status = ? where id = ?")
                .params(InquiryStatus.INQUIRING.name(), id)
                .update();
    }

    public void updateSupervision(long id, String supervision, String actor, OffsetDateTime now) {
        jdbc.sql("update inquiry set status = ?, supervision = ?, supervised_by = ?, supervised_at = ? where id = ?")
                .params(InquiryStatus.SUPERVISING.name(), supervision, actor, now, id)
                .update();
    }

    public void updateFinished(long id, OffsetDateTime now) {
        jdbc.sql("update inquiry set status = ?, finished_at = ? where id = ?")
                .params(InquiryStatus.DONE.name(), now, id)
                .update();
    }

    public void insertActivity(long inquiryId, int round, InquiryMethod method, LocalDate heldOn, String findings,
            Integer respondents, Integer satisfied, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        insert into inquiry_activity (inquiry_id, round, method, held_on, findings, respondents,
                                                      satisfied_respondents, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(inquiryId, round, method.name(), heldOn, findings, respondents, satisfied, actor, now)
                .update();
    }

    public List<InquiryActivity> findActivities(long inquiryId) {
        return jdbc.sql("select * from inquiry_activity where inquiry_id = ? order by round, held_on, id")
                .param(inquiryId)
                .query(InquiryActivity.class)
                .list();
    }

    public void insertEvaluation(long inquiryId, int round, Satisfaction rating, Integer satisfied, Integer basic,
            Integer unsatisfied, String comment, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        insert into inquiry_evaluation (inquiry_id, round, rating, satisfied_votes, basic_votes,
                                                        unsatisfied_votes, comment, evaluated_by, evaluated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(inquiryId, round, rating.name(), satisfied, basic, unsatisfied, comment, actor, now)
                .update();
    }

    public List<InquiryEvaluation> findEvaluations(long inquiryId) {
        return jdbc.sql("select * from inquiry_evaluation where inquiry_id = ? order by round")
                .param(inquiryId)
                .query(InquiryEvaluation.class)
                .list();
    }

    public void insertRehandling(long inquiryId, int round, String measures, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        insert into inquiry_rehandling (inquiry_id, round, measures, handled_by, handled_at)
                        values (?, ?, ?, ?, ?)""")
                .params(inquiryId, round, measures, actor, now)
                .update();
    }

    public List<Rehandling> findRehandlings(long inquiryId) {
        return jdbc.sql("select * from inquiry_rehandling where inquiry_id = ? order by round")
                .param(inquiryId)
                .query(Rehandling.class)
                .list();
    }
}

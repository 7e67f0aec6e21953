package cn.cppcc.consult.intake;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ScreeningRepository {

    private final JdbcClient jdbc;

    ScreeningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Screening> find(long topicId) {
        return jdbc.sql("select * from topic_screening where topic_id = ?").param(topicId).query(Screening.class).optional();
    }

    /** The screener's findings; screening again replaces them and clears what followed from them. */
    public void saveFindings(Screening s) {
        jdbc.sql("delete from topic_screening where topic_id = ?").param(s.topicId()).update();
        jdbc.sql("""
                        insert into topic_screening (topic_id, resolution_level, in_litigation, in_petition_system,
                                                     individual_only, settled_by_policy, note, screened_by, screened_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.topicId(), s.resolutionLevel().name(), s.inLitigation(), s.inPetitionSystem(),
                        s.individualOnly(), s.settledByPolicy(), s.note(), s.screenedBy(), s.screenedAt())
                .update();
    }

    public void saveScreeningRule(long topicId, ScreeningOutcome outcome, String reason) {
        jdbc.sql("update topic_screening set screening_rule = ?, screening_rule_reason = ? where topic_id = ?")
                .params(outcome.name(), reason, topicId)
                .update();
    }

    public void saveLevelRule(long topicId, LevelOutcome outcome) {
        jdbc.sql("update topic_screening set level_rule = ? where topic_id = ?").params(outcome.name(), topicId).update();
    }

    public void saveDecision(long topicId, IntakeDecision decision, String reason, boolean overridden, String actor,
            OffsetDateTime now) {
        jdbc.sql("""
                        update topic_screening set decision = ?, decision_reason = ?, overridden = ?, decided_by = ?,
                                                   decided_at = ?
                        where topic_id = ?""")
                .params(decision.name(), reason, overridden, actor, now, topicId)
                .update();
    }
}

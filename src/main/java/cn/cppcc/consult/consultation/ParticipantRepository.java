package cn.cppcc.consult.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ParticipantRepository {

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Participant> findAll(long consultationId) {
        return jdbc.sql("select * from participant where consultation_id = ? order by id")
                .param(consultationId)
                .query(Participant.class)
                .list();
    }

    public Optional<Participant> find(long id) {
        return jdbc.sql("select * from participant where id = ?").param(id).query(Participant.class).optional();
    }

    /** Replaces the list: a returned list is drawn up again as a whole. */
    public void replaceAll(long consultationId, Collection<Participant> participants) {
        jdbc.sql("delete from participant where consultation_id = ?").param(consultationId).update();
        for (Participant p : participants) {
            jdbc.sql("""
                            insert into participant (consultation_id, name, category, organisation, user_id, talent_id)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(consultationId, p.name(), p.category().name(), p.organisation(), p.userId(), p.talentId())
                    .update();
        }
    }

    public void markAttendance(long consultationId, Collection<Long> presentIds) {
        jdbc.sql("update participant set attended = false where consultation_id = ?").param(consultationId).update();
        if (!presentIds.isEmpty()) {
            jdbc.sql("update participant set attended = true where consultation_id = :c and id in (:ids)")
                    .param("c", consultationId)
                    .param("ids", presentIds)
                    .update();
        }
    }
}

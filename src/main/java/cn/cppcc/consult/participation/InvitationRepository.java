package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Invitation> findAll(long consultationId) {
        return jdbc.sql("select * from online_invitation where consultation_id = ? order by id")
                .param(consultationId)
                .query(Invitation.class)
                .list();
    }

    /** A staff account invited once per consultation; false if it already was. */
    boolean insertForUser(long consultationId, OnlineRole role, Long participantId, String userId, String invitedBy,
            OffsetDateTime now) {
        return jdbc.sql("""
                        insert into online_invitation (consultation_id, role, participant_id, user_id, invited_by, invited_at)
                        select ?, ?, ?, ?, ?, ? where not exists (
                            select 1 from online_invitation where consultation_id = ? and user_id = ?)""")
                .params(consultationId, role.name(), participantId, userId, invitedBy, now, consultationId, userId)
                .update() == 1;
    }

    /** A participant without an account, by the citizen record of the number the host entered (replaced if entered again). */
    void saveForCitizen(long consultationId, OnlineRole role, long participantId, long citizenId, String invitedBy,
            OffsetDateTime now) {
        jdbc.sql("delete from online_invitation where consultation_id = ? and participant_id = ?")
                .params(consultationId, participantId)
                .update();
        jdbc.sql("""
                        insert into online_invitation (consultation_id, role, participant_id, citizen_id, invited_by, invited_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(consultationId, role.name(), participantId, citizenId, invitedBy, now)
                .update();
    }
}

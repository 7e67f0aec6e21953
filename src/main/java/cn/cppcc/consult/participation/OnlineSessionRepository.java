package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OnlineSessionRepository {

    private final JdbcClient jdbc;

    OnlineSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, long citizenId, OffsetDateTime now, OffsetDateTime expiresAt) {
        jdbc.sql("insert into online_session (token_hash, citizen_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, citizenId, now, expiresAt)
                .update();
    }

    /** The citizen signed in with this token, unless it has expired or the citizen has been anonymised. */
    Optional<Long> citizenOf(String tokenHash, OffsetDateTime now) {
        return jdbc.sql("""
                        select s.citizen_id from online_session s join citizen c on c.id = s.citizen_id
                        where s.token_hash = ? and s.expires_at > ? and c.anonymised_at is null""")
                .params(tokenHash, now)
                .query(Long.class)
                .optional();
    }

    void delete(String tokenHash) {
        jdbc.sql("delete from online_session where token_hash = ?").param(tokenHash).update();
    }

    void deleteExpired(OffsetDateTime now) {
        jdbc.sql("delete from online_session where expires_at <= ?").param(now).update();
    }
}

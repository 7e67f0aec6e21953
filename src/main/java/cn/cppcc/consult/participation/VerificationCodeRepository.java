package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VerificationCodeRepository {

    record Code(Long id, String salt, String codeHash, int attempts, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, OffsetDateTime usedAt) {
    }

    private final JdbcClient jdbc;

    VerificationCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String mobileHash, String clientHash, String salt, String codeHash, OffsetDateTime now,
            OffsetDateTime expiresAt) {
        jdbc.sql("""
                        insert into verification_code (mobile_hash, client_hash, salt, code_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(mobileHash, clientHash, salt, codeHash, now, expiresAt)
                .update();
    }

    /** The newest code sent to the number: the only one that counts. */
    Optional<Code> newest(String mobileHash) {
        return jdbc.sql("""
                        select id, salt, code_hash, attempts, created_at, expires_at, used_at from verification_code
                        where mobile_hash = ? order by created_at desc, id desc fetch first 1 rows only""")
                .param(mobileHash)
                .query(Code.class)
                .optional();
    }

    long countForMobileSince(String mobileHash, OffsetDateTime since) {
        return jdbc.sql("select count(*) from verification_code where mobile_hash = ? and created_at > ?")
                .params(mobileHash, since).query(Long.class).single();
    }

    long countForClientSince(String clientHash, OffsetDateTime since) {
        return jdbc.sql("select count(*) from verification_code where client_hash = ? and created_at > ?")
                .params(clientHash, since).query(Long.class).single();
    }

    /** Counts a wrong try; false if the code had no tries left (another request took the last). */
    boolean countWrongTry(long id, int maxAttempts) {
        return jdbc.sql("update verification_code set attempts = attempts + 1 where id = ? and attempts < ?")
                .params(id, maxAttempts).update() == 1;
    }

    /** Marks the code used; false if another request used it first. */
    boolean use(long id, OffsetDateTime now) {
        return jdbc.sql("update verification_code set used_at = ? where id = ? and used_at is null")
                .params(now, id).update() == 1;
    }

    /** Codes are of no use after a day; their rows (hashes only) go. */
    void deleteOlderThan(OffsetDateTime before) {
        jdbc.sql("delete from verification_code where created_at < ?").param(before).update();
    }
}

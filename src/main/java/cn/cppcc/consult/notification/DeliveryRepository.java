package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox table {@code notification_delivery}. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long notificationId, Channel channel, String idempotencyKey, String jobId, OffsetDateTime nextAttemptAt,
            OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notification_delivery (notification_id, channel, status, idempotency_key, job_id,
                                                           created_at, next_attempt_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(notificationId, channel.name(), DeliveryStatus.PENDING.name(), idempotencyKey, jobId, now,
                        nextAttemptAt, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql("select * from notification_delivery where id = ?").param(id).query(Delivery.class).optional();
    }

    public List<Delivery> ofNotification(long notificationId) {
        return jdbc.sql("select * from notification_delivery where notification_id = ? order by id")
                .param(notificationId).query(Delivery.class).list();
    }

    /**
     * The delivery, row-locked until the transaction ends: a second node executing the same delivery
     * waits here and then finds it sent.
     */
    Optional<Delivery> lock(long id) {
        return jdbc.sql("select * from notification_delivery where id = ? for update").param(id).query(Delivery.class)
                .optional();
    }

    void markSent(long id, OffsetDateTime now) {
        jdbc.sql("""
                        update notification_delivery
                        set status = ?, attempts = attempts + 1, sent_at = ?, next_attempt_at = null, updated_at = ?
                        where id = ?""")
                .params(DeliveryStatus.SENT.name(), now, now, id)
                .update();
    }

    void cancel(long id, String reason, OffsetDateTime now) {
        jdbc.sql("update notification_delivery set status = ?, last_error = ?, next_attempt_at = null, updated_at = ? where id = ?")
                .params(DeliveryStatus.CANCELLED.name(), reason, now, id)
                .update();
    }

    /** The delivery now waits for another job (quiet hours, a supervisor's retry). */
    void rescheduled(long id, String jobId, OffsetDateTime nextAttemptAt, OffsetDateTime now) {
        jdbc.sql("""
                        update notification_delivery set status = ?, job_id = ?, next_attempt_at = ?, updated_at = ?
                        where id = ?""")
                .params(DeliveryStatus.PENDING.name(), jobId, nextAttemptAt, now, id)
                .update();
    }

    /** An attempt by job {@code jobId} failed; with no retries left the delivery has failed. */
    void failedAttempt(String jobId, String error, int retriesLeft, OffsetDateTime nextAttemptAt, OffsetDateTime now) {
        jdbc.sql("""
                        update notification_delivery
                        set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?
                        where job_id = ? and status in (?, ?)""")
                .params(retriesLeft > 0 ? DeliveryStatus.PENDING.name() : DeliveryStatus.FAILED.name(),
                        MessageTemplates.cut(error, 1000), retriesLeft > 0 ? nextAttemptAt : null, now, jobId,
                        DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name())
                .update();
    }

    /** Its job was deleted (from Cockpit or the REST API) before it delivered: nothing will send it. */
    void jobDeleted(long id, String jobId, OffsetDateTime now) {
        jdbc.sql("""
                        update notification_delivery set status = ?, last_error = ?, next_attempt_at = null, updated_at = ?
                        where id = ? and job_id = ? and status in (?, ?)""")
                .params(DeliveryStatus.CANCELLED.name(), "投递作业已被删除", now, id, jobId,
                        DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name())
                .update();
    }

    /** A row of the supervisors' failures page. */
    public record Attention(Long id, Long notificationId, Channel channel, DeliveryStatus status, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, String recipient,
            NotificationKind kind, String subject, Long consultationId) {
    }

    /** Deliveries that failed for good, and those still being retried after a failure. */
    List<Attention> needingAttention(int limit) {
        return jdbc.sql("""
                        select d.id, d.notification_id, d.channel, d.status, d.attempts, d.last_error, d.created_at,
                               d.next_attempt_at, n.recipient, n.kind, n.subject, n.consultation_id
                        from notification_delivery d join notification n on n.id = d.notification_id
                        where d.status = ? or (d.status = ? and d.attempts > 0)
                        order by case when d.status = ? then 0 else 1 end, d.updated_at desc, d.id desc
                        fetch first ? rows only""")
                .params(DeliveryStatus.FAILED.name(), DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(), limit)
                .query(Attention.class)
                .list();
    }

    long countFailed() {
        return jdbc.sql("select count(*) from notification_delivery where status = ?")
                .param(DeliveryStatus.FAILED.name()).query(Long.class).single();
    }
}

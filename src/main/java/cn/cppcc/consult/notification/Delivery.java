package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;

/** One message to one recipient by one channel, in the outbox. */
public record Delivery(
        Long id,
        Long notificationId,
        Channel channel,
        DeliveryStatus status,
        String idempotencyKey,
        int attempts,
        String lastError,
        String jobId,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime sentAt,
        OffsetDateTime updatedAt) {
}

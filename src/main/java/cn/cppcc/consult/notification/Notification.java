package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;

/** One message to one recipient (a user id, or {@code citizen:<id>}), as written to the inbox. */
public record Notification(
        Long id,
        String recipient,
        NotificationKind kind,
        String subject,
        String body,
        Long consultationId,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        String shortText,
        String link,
        String templateKey) {
}

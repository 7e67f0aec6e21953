package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;

public record Notification(
        Long id,
        String recipient,
        NotificationKind kind,
        String subject,
        String body,
        Long consultationId,
        OffsetDateTime createdAt,
        OffsetDateTime readAt) {
}

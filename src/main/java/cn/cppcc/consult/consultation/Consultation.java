package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

/** One consultation (one process instance, business key = {@code number}). */
public record Consultation(
        Long id,
        String number,
        Long topicId,
        String placeCode,
        ConsultationKind kind,
        Stage stage,
        ConsultationForm form,
        String host,
        String venue,
        OffsetDateTime scheduledAt,
        OffsetDateTime closingAt,
        boolean sensitive,
        boolean emergency,
        Outcome outcome,
        String outcomeSummary,
        String processInstanceId,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt) {
}

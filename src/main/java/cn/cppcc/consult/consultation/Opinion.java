package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

/** An opinion given at the meeting, in writing or online; {@code channel} says which. */
public record Opinion(
        Long id,
        Long consultationId,
        Long participantId,
        String authorName,
        ConsultationForm channel,
        String content,
        String createdBy,
        OffsetDateTime createdAt) {
}

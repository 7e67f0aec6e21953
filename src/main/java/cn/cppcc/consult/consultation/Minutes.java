package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

/** One draft of the minutes (协商纪要); the accepted draft is sent and filed. */
public record Minutes(
        Long id,
        Long consultationId,
        int round,
        String content,
        ReviewStatus status,
        String reviewComment,
        String draftedBy,
        OffsetDateTime draftedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        OffsetDateTime sentAt,
        String filingNumber,
        String filedBy,
        OffsetDateTime filedAt) {
}

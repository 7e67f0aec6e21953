package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

/** One round of research and its report; a returned report is followed by a new round. */
public record ResearchReport(
        Long id,
        Long consultationId,
        int round,
        String summary,
        ReviewStatus status,
        String reviewComment,
        String submittedBy,
        OffsetDateTime submittedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt) {
}

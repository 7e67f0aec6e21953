package cn.cppcc.consult.transfer.inquiry;

import java.time.OffsetDateTime;

/** 问效 of one result item: its current round (one more per re-handling) and, at the end, any supervision. */
public record Inquiry(
        Long id,
        Long resultItemId,
        int round,
        InquiryStatus status,
        String supervision,
        String supervisedBy,
        OffsetDateTime supervisedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {
}

package cn.cppcc.consult.transfer.inquiry;

import java.time.OffsetDateTime;

/** 重新办理 after an unsatisfactory round: what was done about it. */
public record Rehandling(
        Long id,
        Long inquiryId,
        int round,
        String measures,
        String handledBy,
        OffsetDateTime handledAt) {
}

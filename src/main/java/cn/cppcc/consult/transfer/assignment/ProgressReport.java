package cn.cppcc.consult.transfer.assignment;

import java.time.OffsetDateTime;

/** A department's progress report: status, percent done, what was done. */
public record ProgressReport(
        Long id,
        Long unitId,
        UnitStatus status,
        int progress,
        String content,
        String reportedBy,
        OffsetDateTime reportedAt) {
}

package cn.cppcc.consult.transfer.assignment;

import java.time.OffsetDateTime;

/** A file attached to a department's progress (its content is read separately). */
public record ProgressAttachment(
        Long id,
        Long unitId,
        Long reportId,
        String fileName,
        String contentType,
        long sizeBytes,
        String uploadedBy,
        OffsetDateTime uploadedAt) {
}

package cn.cppcc.consult.transfer;

import java.time.OffsetDateTime;

/** One mechanism carrying one result item. */
public record Transfer(
        Long id,
        Long resultItemId,
        Mechanism mechanism,
        TransferStatus status,
        String outcome,
        String handledBy,
        String processInstanceId,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {
}

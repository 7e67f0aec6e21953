package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;

/** Who did what, when, with what outcome. {@code resultItemId} is set for a result item's events. */
public record TimelineEvent(
        Long id,
        Long consultationId,
        Long resultItemId,
        String stage,
        String action,
        String actor,
        String comment,
        OffsetDateTime occurredAt) {
}

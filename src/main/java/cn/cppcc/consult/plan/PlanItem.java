package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A topic in a plan, consulted on from {@code plannedOn}; {@code consultationId} once launched. */
public record PlanItem(
        Long id,
        Long planId,
        Long topicId,
        LocalDate plannedOn,
        PlanItemStatus status,
        PlanItemOrigin origin,
        Long consultationId,
        OffsetDateTime addedAt) {
}

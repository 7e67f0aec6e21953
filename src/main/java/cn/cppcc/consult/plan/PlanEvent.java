package cn.cppcc.consult.plan;

import java.time.OffsetDateTime;

/** Who did what to a plan, when, and why. */
public record PlanEvent(Long id, Long planId, String action, String actor, String comment, OffsetDateTime occurredAt) {
}

package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A change of an issued plan during the year (计划调整), its reason and the party organisation's decision. */
public record Amendment(
        Long id,
        Long planId,
        String reason,
        AmendmentStatus status,
        String proposedBy,
        OffsetDateTime proposedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionComment) {

    public record Change(Long id, Long amendmentId, AmendmentAction action, Long topicId, LocalDate plannedOn) {
    }

    /** A change as proposed, before it is stored. */
    public record Proposed(AmendmentAction action, long topicId, LocalDate plannedOn) {
    }
}

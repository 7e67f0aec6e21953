package cn.cppcc.consult.intake;

import java.time.OffsetDateTime;

import cn.cppcc.consult.organisation.PlaceLevel;

/**
 * A topic's screening: the facts the screener found, the rules' conclusions, and staff's decision
 * ({@code overridden} when it goes against a rule, which needs a written reason).
 */
public record Screening(
        Long topicId,
        PlaceLevel resolutionLevel,
        boolean inLitigation,
        boolean inPetitionSystem,
        boolean individualOnly,
        boolean settledByPolicy,
        String note,
        String screenedBy,
        OffsetDateTime screenedAt,
        ScreeningOutcome screeningRule,
        String screeningRuleReason,
        LevelOutcome levelRule,
        IntakeDecision decision,
        String decisionReason,
        boolean overridden,
        String decidedBy,
        OffsetDateTime decidedAt) {
}

package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;

/** An invitation to an online consultation, to a staff account ({@code userId}) or a person without one ({@code citizenId}). */
public record Invitation(
        Long id,
        Long consultationId,
        OnlineRole role,
        Long participantId,
        String userId,
        Long citizenId,
        String invitedBy,
        OffsetDateTime invitedAt) {
}

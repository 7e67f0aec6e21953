package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;

/**
 * An opinion posted online (an {@code opinion} row of channel ONLINE): by whom (a citizen record,
 * and the participant record if the person was invited as one), shown as {@code authorName} (a
 * masked name), marked with {@code authorRole}, with its count of support; hidden by the host
 * with a reason, never deleted.
 */
public record OnlineOpinion(
        Long id,
        Long consultationId,
        Long participantId,
        Long citizenId,
        String authorName,
        OnlineRole authorRole,
        String content,
        boolean hidden,
        String hiddenReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long supports) {

    public boolean edited() {
        return updatedAt != null;
    }
}

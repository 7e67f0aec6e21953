package cn.cppcc.consult.transfer.feedback;

import java.time.OffsetDateTime;

import cn.cppcc.consult.transfer.Satisfaction;

/** One citizen's invitation to rate an item, reached by its token, and the rating once given. */
public record SatisfactionRating(
        Long id,
        Long resultItemId,
        Long citizenId,
        String token,
        OffsetDateTime invitedAt,
        OffsetDateTime closesAt,
        Satisfaction rating,
        String comment,
        OffsetDateTime ratedAt) {
}

package cn.cppcc.consult.venue;

import java.time.OffsetDateTime;

/** An assessor's finding on a venue for a year. */
public record VenueAssessment(Long id, Long venueId, int assessedYear, boolean hasSite, boolean hasSign,
        boolean hasRules, boolean hasProcedure, boolean hasActivities, boolean hasResults, String comment,
        String assessedBy, OffsetDateTime assessedAt) {

    public SixHaves sixHaves() {
        return new SixHaves(hasSite, hasSign, hasRules, hasProcedure, hasActivities, hasResults);
    }
}

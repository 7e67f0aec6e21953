package cn.cppcc.consult.venue;

import java.time.OffsetDateTime;

/** A consultation venue of a place. */
public record Venue(Long id, String placeCode, String name, VenueKind kind, String address, OffsetDateTime createdAt) {
}

package cn.cppcc.consult.topic;

import java.time.OffsetDateTime;

import cn.cppcc.consult.organisation.PlaceLevel;

public record Topic(
        Long id,
        String number,
        String title,
        String description,
        TopicSource source,
        PlaceLevel sourceLevel,
        String placeCode,
        TopicStatus status,
        String rejectionReason,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}

package cn.cppcc.consult.topic;

import java.time.OffsetDateTime;

/** Who did what to a topic, when, and why (intake, screening, planning). */
public record TopicEvent(Long id, Long topicId, String action, String actor, String comment, OffsetDateTime occurredAt) {
}

package cn.cppcc.consult.topic;

/**
 * What intake adds to a topic: the citizen's receipt number (online submissions), who proposed it
 * (a unit or member, never a citizen's name), how many people it affects, where it occurs, and
 * once accepted the kind of consultation ({@code CPPCC} or {@code GRASSROOTS}) and whose annual plan
 * it waits for. {@code followsTopicId} links a routine topic to the emergency it follows up.
 */
public record TopicDetails(
        Long id,
        String receiptNumber,
        String proposer,
        Integer affectedCount,
        String occurrencePlaceCode,
        String consultationKind,
        String planPlaceCode,
        Long followsTopicId) {
}

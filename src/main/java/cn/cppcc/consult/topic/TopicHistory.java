package cn.cppcc.consult.topic;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;

/** A topic's own timeline: screening, rule outcomes and overrides with their reasons, planning. */
@Component
@Transactional
public class TopicHistory {

    private final TopicRepository topics;

    TopicHistory(TopicRepository topics) {
        this.topics = topics;
    }

    public void record(long topicId, String action, String actor, String comment) {
        topics.insertEvent(topicId, action, actor, comment, EngineClock.now());
    }

    @Transactional(readOnly = true)
    public List<TopicEvent> of(long topicId) {
        return topics.findEvents(topicId);
    }

    /** The comment of the latest event with this action (e.g. why a draft was returned), or "". */
    @Transactional(readOnly = true)
    public String lastComment(long topicId, String action) {
        return of(topicId).stream()
                .filter(e -> action.equals(e.action()))
                .reduce((first, second) -> second)
                .map(TopicEvent::comment)
                .orElse("");
    }
}

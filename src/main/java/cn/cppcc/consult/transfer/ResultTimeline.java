package cn.cppcc.consult.transfer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Timeline;
import cn.cppcc.consult.consultation.TimelineEvent;

/** The result timeline: who did what to which item, when, with what outcome. */
@Component
@Transactional(readOnly = true)
public class ResultTimeline {

    private final Timeline timeline;
    private final ActorNames actors;

    ResultTimeline(Timeline timeline, ActorNames actors) {
        this.timeline = timeline;
        this.actors = actors;
    }

    /** The events of every result item of the consultation, oldest first. */
    public List<TimelineEvent> ofResults(long consultationId) {
        return timeline.of(consultationId).stream().filter(e -> e.resultItemId() != null).toList();
    }

    public List<TimelineEvent> ofItem(long consultationId, long resultItemId) {
        return timeline.of(consultationId).stream().filter(e -> Objects.equals(e.resultItemId(), resultItemId)).toList();
    }

    /** The item's events as lines a form shows: "2026-11-21 10:00 【交办】交办责任部门（张三）：…". */
    public String text(long consultationId, long resultItemId) {
        ActorNames.Lookup names = actors.lookup();
        return ofItem(consultationId, resultItemId).stream().map(e -> line(e, names)).collect(Collectors.joining("\n"));
    }

    public static String stepLabel(String step) {
        for (Mechanism mechanism : Mechanism.values()) {
            if (mechanism.name().equals(step)) {
                return mechanism.label();
            }
        }
        return step;
    }

    private static String line(TimelineEvent e, ActorNames.Lookup names) {
        String actor = names.nameOf(e.actor());
        return TransferTexts.time(e.occurredAt()) + " 【" + stepLabel(e.stage()) + "】" + e.action()
                + (actor.isEmpty() ? "" : "（" + actor + "）")
                + (e.comment() == null || e.comment().isEmpty() ? "" : "：" + e.comment());
    }
}

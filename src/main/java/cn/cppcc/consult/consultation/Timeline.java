package cn.cppcc.consult.consultation;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;

/** The consultation's timeline: who did what, when, with what outcome, for the whole and per result item. */
@Component
@Transactional
public class Timeline {

    private final ConsultationRepository consultations;

    Timeline(ConsultationRepository consultations) {
        this.consultations = consultations;
    }

    public void record(long consultationId, Stage stage, String action, String actor, String comment) {
        consultations.insertEvent(consultationId, null, stage.name(), action, actor, comment, EngineClock.now());
    }

    /** An event of one result item; {@code step} names the mechanism or step that produced it. */
    public void recordItem(long consultationId, long resultItemId, String step, String action, String actor,
            String comment) {
        consultations.insertEvent(consultationId, resultItemId, step, action, actor, comment, EngineClock.now());
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> of(long consultationId) {
        return consultations.findEvents(consultationId);
    }
}

package cn.cppcc.consult.intake;

import static cn.cppcc.consult.intake.TopicIntakeProcess.IN_LITIGATION;
import static cn.cppcc.consult.intake.TopicIntakeProcess.IN_PETITION_SYSTEM;
import static cn.cppcc.consult.intake.TopicIntakeProcess.INDIVIDUAL_ONLY;
import static cn.cppcc.consult.intake.TopicIntakeProcess.OCCURRENCE_LEVEL;
import static cn.cppcc.consult.intake.TopicIntakeProcess.RESOLUTION_LEVEL;
import static cn.cppcc.consult.intake.TopicIntakeProcess.SETTLED_BY_POLICY;
import static cn.cppcc.consult.intake.TopicIntakeProcess.TOPIC_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.intake.IntakeService.Findings;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 初审议题: where the issue occurs, which level can resolve it, and the four exclusions of 选题原则. */
@Component
public class ScreenTopicListener implements TaskListener {

    private final IntakeService intake;

    ScreenTopicListener(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String occurrence = form.text("occurrencePlace", "问题发生地", 64);
        PlaceLevel resolution = form.choice(RESOLUTION_LEVEL.name(), "需要哪一级解决", PlaceLevel.class);
        if (resolution == PlaceLevel.INSTITUTION) {
            throw FormValues.invalid(RESOLUTION_LEVEL.name(), "请选择需要省、市、县、乡镇（街道）或村（社区）哪一级解决");
        }
        Findings findings = new Findings(occurrence, resolution, form.flag(IN_LITIGATION.name()),
                form.flag(IN_PETITION_SYSTEM.name()), form.flag(INDIVIDUAL_ONLY.name()),
                form.flag(SETTLED_BY_POLICY.name()), form.optionalText("note", "初审意见", 1000));
        long topicId = TOPIC_ID.get(task);
        intake.screen(topicId, findings, CurrentUser.of(task));
        form.discard();
        IN_LITIGATION.set(task, findings.inLitigation());
        IN_PETITION_SYSTEM.set(task, findings.inPetitionSystem());
        INDIVIDUAL_ONLY.set(task, findings.individualOnly());
        SETTLED_BY_POLICY.set(task, findings.settledByPolicy());
        RESOLUTION_LEVEL.set(task, resolution.name());
        OCCURRENCE_LEVEL.set(task, intake.occurrenceLevel(topicId).name());
    }
}

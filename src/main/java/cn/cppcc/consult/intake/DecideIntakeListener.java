package cn.cppcc.consult.intake;

import static cn.cppcc.consult.intake.TopicIntakeProcess.CONSULTATION_KIND;
import static cn.cppcc.consult.intake.TopicIntakeProcess.INTAKE_ACCEPTED;
import static cn.cppcc.consult.intake.TopicIntakeProcess.TOPIC_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.intake.IntakeService.Decided;
import cn.cppcc.consult.intake.IntakeService.Decision;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/**
 * 研判受理: accept (with the level of consultation) or not, in view of the rules' conclusions. A
 * decision against a rule is taken only with a written reason, kept as a task comment and with the
 * topic.
 */
@Component
public class DecideIntakeListener implements TaskListener {

    private final IntakeService intake;

    DecideIntakeListener(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        IntakeDecision decision = form.choice("intakeDecision", "受理意见", IntakeDecision.class);
        ConsultationKind kind = decision == IntakeDecision.ACCEPT
                ? form.choice(CONSULTATION_KIND.name(), "协商层级", ConsultationKind.class) : null;
        String reason = form.optionalText("reason", "理由", 1000);
        Decided decided = intake.decide(TOPIC_ID.get(task), new Decision(decision, kind, reason), CurrentUser.of(task));
        TaskComment.add(task, decided.reason() == null ? null
                : (decided.overridden() ? "改判（与规则结论不同）：" : decided.decision().label() + "：") + decided.reason());
        form.discard();
        INTAKE_ACCEPTED.set(task, decision == IntakeDecision.ACCEPT);
        if (decided.kind() != null) {
            CONSULTATION_KIND.set(task, decided.kind().name());
        }
    }
}

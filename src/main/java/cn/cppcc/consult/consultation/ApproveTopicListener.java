package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.TOPIC_DECISION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 党组织审定议题: approve, return for revision, or reject; the last two need a reason. */
@Component
public class ApproveTopicListener implements TaskListener {

    private final ConsultationService consultations;

    ApproveTopicListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        TopicDecision decision = form.choice(TOPIC_DECISION.name(), "审定意见", TopicDecision.class);
        String reason = form.optionalText("reason", "理由", 1000);
        if (decision != TopicDecision.APPROVE && reason == null) {
            throw FormValues.invalid("reason", decision.label() + "须填写理由");
        }
        consultations.decideTopic(CONSULTATION_ID.get(task), decision, reason, CurrentUser.of(task));
        TaskComment.add(task, reason == null ? null : decision.label() + "：" + reason);
        form.discard();
        TOPIC_DECISION.set(task, decision.name());
    }
}

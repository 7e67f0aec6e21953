package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.TopicDecision;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 同级党组织审定临时议题: approve, return to the committee, or reject, the last two with a reason. */
@Component
public class ApproveTemporaryTopicListener implements TaskListener {

    private final TemporaryTopicService temporaryTopics;

    ApproveTemporaryTopicListener(TemporaryTopicService temporaryTopics) {
        this.temporaryTopics = temporaryTopics;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        TopicDecision decision = form.choice(TemporaryTopicProcess.TEMPORARY_DECISION.name(), "审定意见", TopicDecision.class);
        String reason = form.optionalText("reason", "理由", 1000);
        temporaryTopics.decide(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(task), decision, reason, CurrentUser.of(task));
        TaskComment.add(task, reason == null ? null : decision.label() + "：" + reason);
        form.discard();
        TemporaryTopicProcess.TEMPORARY_DECISION.set(task, decision.name());
    }
}

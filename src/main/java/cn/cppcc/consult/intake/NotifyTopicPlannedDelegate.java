package cn.cppcc.consult.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知列入计划. */
@Component
public class NotifyTopicPlannedDelegate implements JavaDelegate {

    private final IntakeNotices notices;

    NotifyTopicPlannedDelegate(IntakeNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.planned(TopicIntakeProcess.TOPIC_ID.get(execution));
    }
}

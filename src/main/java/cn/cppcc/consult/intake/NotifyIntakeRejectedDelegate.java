package cn.cppcc.consult.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知不予受理理由. */
@Component
public class NotifyIntakeRejectedDelegate implements JavaDelegate {

    private final IntakeNotices notices;

    NotifyIntakeRejectedDelegate(IntakeNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.rejected(TopicIntakeProcess.TOPIC_ID.get(execution));
    }
}

package cn.cppcc.consult.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 转县政协办 / 乡镇政协联络组备选: the planning office and the submitter are told. */
@Component
public class RouteTopicDelegate implements JavaDelegate {

    private final IntakeNotices notices;

    RouteTopicDelegate(IntakeNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.routed(TopicIntakeProcess.TOPIC_ID.get(execution));
    }
}

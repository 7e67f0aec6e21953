package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知不予采纳理由 (临时增加议题). */
@Component
public class NotifyTemporaryRejectedDelegate implements JavaDelegate {

    private final TemporaryTopicService temporaryTopics;

    NotifyTemporaryRejectedDelegate(TemporaryTopicService temporaryTopics) {
        this.temporaryTopics = temporaryTopics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        temporaryTopics.rejected(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(execution));
    }
}

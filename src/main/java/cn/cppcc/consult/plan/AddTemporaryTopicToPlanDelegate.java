package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 列入年度协商计划 (临时增加议题). */
@Component
public class AddTemporaryTopicToPlanDelegate implements JavaDelegate {

    private final TemporaryTopicService temporaryTopics;

    AddTemporaryTopicToPlanDelegate(TemporaryTopicService temporaryTopics) {
        this.temporaryTopics = temporaryTopics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        temporaryTopics.addToPlan(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(execution));
    }
}

package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 列入年度协商计划 (突发性协商转为常态化协商). */
@Component
public class LinkIntoPlanDelegate implements JavaDelegate {

    private final EmergencyService emergencies;

    LinkIntoPlanDelegate(EmergencyService emergencies) {
        this.emergencies = emergencies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emergencies.link(EmergencyTopicProcess.FOLLOW_UP_TOPIC_ID.get(execution));
    }
}

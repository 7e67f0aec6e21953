package cn.cppcc.consult.intake;

import static cn.cppcc.consult.intake.TopicIntakeProcess.LEVEL_OUTCOME;
import static cn.cppcc.consult.intake.TopicIntakeProcess.SCREENING_OUTCOME;
import static cn.cppcc.consult.intake.TopicIntakeProcess.SCREENING_RULE;
import static cn.cppcc.consult.intake.TopicIntakeProcess.TOPIC_ID;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a rule task ends: its conclusion ({@code TopicScreening.dmn}, {@code TopicLevel.dmn}) is
 * recorded with the topic and the process keeps only the outcome as a routing flag. A table that
 * gives no conclusion for the inputs (an administrator's gap) stops here with an incident.
 */
@Component
public class IntakeRuleListener implements ExecutionListener {

    private final IntakeService intake;

    IntakeRuleListener(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long topicId = TOPIC_ID.get(execution);
        switch (execution.getCurrentActivityId()) {
            case TopicIntakeProcess.TASK_SCREENING_RULES -> {
                Map<?, ?> result = SCREENING_RULE.find(execution).orElseThrow(() -> noConclusion(
                        TopicIntakeProcess.SCREENING_DECISION));
                ScreeningOutcome outcome = ScreeningOutcome.valueOf(String.valueOf(result.get("outcome")));
                intake.recordScreeningRule(topicId, outcome, (String) result.get("reason"));
                execution.removeVariable(SCREENING_RULE.name());
                SCREENING_OUTCOME.set(execution, outcome.name());
            }
            case TopicIntakeProcess.TASK_LEVEL_RULES -> intake.recordLevelRule(topicId, LevelOutcome.valueOf(
                    LEVEL_OUTCOME.find(execution).orElseThrow(() -> noConclusion(TopicIntakeProcess.LEVEL_DECISION))));
            default -> throw new IllegalStateException("不是议题受理的规则任务：" + execution.getCurrentActivityId());
        }
    }

    private static ProcessEngineException noConclusion(String decision) {
        return new ProcessEngineException(decision + ".dmn 对该议题没有给出结论，请管理员补全规则");
    }
}

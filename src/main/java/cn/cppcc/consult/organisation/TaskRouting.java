package cn.cppcc.consult.organisation;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * Who works on a task: {@code TaskRouting.dmn} names the role for the task at the level of the
 * consultation's place (and the level it is sent to, e.g. filing goes to the county); this bean
 * turns that into the group of that role at that place. Models use it as
 * {@code camunda:candidateGroups="${routing.candidateGroups(execution)}"}.
 */
@Component("routing")
public class TaskRouting {

    public static final String DECISION_KEY = "TaskRouting";
    public static final ProcessVariable<String> PLACE_CODE = ProcessVariable.of("placeCode", String.class);

    private final DecisionService decisionService;
    private final OrganisationService organisation;

    TaskRouting(DecisionService decisionService, OrganisationService organisation) {
        this.decisionService = decisionService;
        this.organisation = organisation;
    }

    /** Evaluated when a user task is created, with the execution arriving at it. */
    public String candidateGroups(DelegateExecution execution) {
        return groupFor(execution.getCurrentActivityId(), PLACE_CODE.get(execution));
    }

    /** The group that works on {@code taskKey} for a consultation at {@code placeCode}. */
    public String groupFor(String taskKey, String placeCode) {
        Place place = organisation.place(placeCode);
        DmnDecisionResultEntries rule = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("taskKey", taskKey, "placeLevel", place.level().name()))
                .evaluate()
                .getSingleResult();
        if (rule == null) {
            throw new ProcessEngineException("TaskRouting.dmn 没有为“" + taskKey + "”在" + place.level().label()
                    + "级配置办理角色");
        }
        Role role = Role.fromSlug(rule.getEntry("role"));
        String scope = rule.getEntry("scope");
        Place target = "SELF".equals(scope) ? place : organisation.ancestorAtLevel(placeCode, PlaceLevel.valueOf(scope));
        return role.groupId(target.code());
    }
}

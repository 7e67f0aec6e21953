package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 计划调整生效. */
@Component
public class ApplyAmendmentDelegate implements JavaDelegate {

    private final PlanAmendments amendments;

    ApplyAmendmentDelegate(PlanAmendments amendments) {
        this.amendments = amendments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        amendments.apply(AnnualPlanProcess.PLAN_ID.get(execution));
    }
}

package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 计划发布. */
@Component
public class PublishPlanDelegate implements JavaDelegate {

    private final AnnualPlanService plans;

    PublishPlanDelegate(AnnualPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.publish(AnnualPlanProcess.PLAN_ID.get(execution));
    }
}

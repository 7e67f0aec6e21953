package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 按计划启动协商: every topic whose planned date has come starts its consultation. */
@Component
public class LaunchDueConsultationsDelegate implements JavaDelegate {

    private final AnnualPlanService plans;

    LaunchDueConsultationsDelegate(AnnualPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AnnualPlanProcess.PLAN_YEAR_OVER.set(execution, plans.launchDue(AnnualPlanProcess.PLAN_ID.get(execution)));
    }
}

package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/**
 * 签发 (县委办 for the county's joint document, 党政办 for a township) with the document number;
 * 会签 (县政府办, 县政协办) with an optional comment.
 */
@Component
public class IssuePlanListener implements TaskListener {

    private final AnnualPlanService plans;

    IssuePlanListener(AnnualPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        long planId = AnnualPlanProcess.PLAN_ID.get(task);
        String comment = form.optionalText("comment", "意见", 1000);
        String office = task.getName();
        switch (task.getTaskDefinitionKey()) {
            case AnnualPlanProcess.TASK_SIGN_PARTY_OFFICE, AnnualPlanProcess.TASK_ISSUE_TOWNSHIP_PLAN -> plans.issue(planId,
                    form.text("documentNumber", "文号", 100), comment, CurrentUser.of(task), office);
            default -> plans.countersign(planId, comment, CurrentUser.of(task), office);
        }
        form.discard();
    }
}

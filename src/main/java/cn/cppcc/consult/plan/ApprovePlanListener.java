package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 党组织审定年度计划: approve, or return with the changes wanted. */
@Component
public class ApprovePlanListener implements TaskListener {

    private final AnnualPlanService plans;

    ApprovePlanListener(AnnualPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(AnnualPlanProcess.PLAN_APPROVED.name(), "审定意见");
        String comment = form.optionalText("comment", "意见", 1000);
        plans.approve(AnnualPlanProcess.PLAN_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, approved ? null : "退回修改：" + comment);
        form.discard();
        AnnualPlanProcess.PLAN_APPROVED.set(task, approved);
    }
}

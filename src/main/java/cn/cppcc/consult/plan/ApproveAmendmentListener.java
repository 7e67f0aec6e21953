package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 党组织审定计划调整. */
@Component
public class ApproveAmendmentListener implements TaskListener {

    private final PlanAmendments amendments;

    ApproveAmendmentListener(PlanAmendments amendments) {
        this.amendments = amendments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(AnnualPlanProcess.AMENDMENT_APPROVED.name(), "审定意见");
        String comment = form.optionalText("comment", "意见", 1000);
        amendments.decide(AnnualPlanProcess.PLAN_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, approved ? null : "退回：" + comment);
        form.discard();
        AnnualPlanProcess.AMENDMENT_APPROVED.set(task, approved);
    }
}

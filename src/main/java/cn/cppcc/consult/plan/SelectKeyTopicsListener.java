package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.plan.AnnualPlanService.Selection;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 遴选重点议题: which accepted topics go into the plan, each with its planned date. */
@Component
public class SelectKeyTopicsListener implements TaskListener {

    private final AnnualPlanService plans;

    SelectKeyTopicsListener(AnnualPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        var selections = form.rows("items", "重点议题").stream()
                .map(row -> new Selection(row.id("topicId", "议题"), row.optionalDate("plannedOn", "计划协商日期")))
                .toList();
        plans.selectKeyTopics(AnnualPlanProcess.PLAN_ID.get(task), selections, CurrentUser.of(task));
        form.discard();
    }
}

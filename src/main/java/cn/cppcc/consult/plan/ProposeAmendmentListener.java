package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.plan.Amendment.Proposed;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 提出计划调整: topics added, moved or dropped, with the reason. */
@Component
public class ProposeAmendmentListener implements TaskListener {

    private final PlanAmendments amendments;

    ProposeAmendmentListener(PlanAmendments amendments) {
        this.amendments = amendments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        var changes = form.rows("changes", "调整事项").stream()
                .map(row -> new Proposed(row.choice("action", "调整方式", AmendmentAction.class),
                        row.id("topicId", "议题"), row.optionalDate("plannedOn", "计划协商日期")))
                .toList();
        String reason = form.optionalText("reason", "调整理由", 1000);
        amendments.propose(AnnualPlanProcess.PLAN_ID.get(task), changes, reason, CurrentUser.of(task));
        form.discard();
    }
}

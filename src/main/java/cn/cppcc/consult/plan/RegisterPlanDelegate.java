package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.AnnualPlanProcess.INITIATOR;
import static cn.cppcc.consult.plan.AnnualPlanProcess.JOINT_ISSUE;
import static cn.cppcc.consult.plan.AnnualPlanProcess.PLACE_CODE;
import static cn.cppcc.consult.plan.AnnualPlanProcess.PLAN_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.FormValues;

/** 编制年度计划: the county CPPCC office or a township liaison starts its place's plan for a year. */
@Component
public class RegisterPlanDelegate implements JavaDelegate {

    private final AnnualPlanService plans;
    private final Organisers organisers;

    RegisterPlanDelegate(AnnualPlanService plans, Organisers organisers) {
        this.plans = plans;
        this.organisers = organisers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String yearText = form.text("planYear", "计划年度", 6);
        int year;
        try {
            year = (int) Double.parseDouble(yearText);
        } catch (NumberFormatException e) {
            throw FormValues.invalid("planYear", "计划年度“" + yearText + "”无效");
        }
        String place = organisers.placeOf(INITIATOR.find(execution).orElse(null),
                AnnualPlanProcess.TASK_SELECT_KEY_TOPICS, List.of(PlaceLevel.COUNTY, PlaceLevel.TOWNSHIP),
                "年度协商计划由县政协办公室或乡镇政协联络组编制");
        AnnualPlan plan = plans.register(place, year, INITIATOR.get(execution));
        form.discard();
        plans.attachProcess(plan.id(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(plan.number());
        PLAN_ID.set(execution, plan.id());
        PLACE_CODE.set(execution, place);
        JOINT_ISSUE.set(execution, plans.jointIssue(plan));
    }
}

package cn.cppcc.consult.transfer.assignment;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.assignment.AssignmentService.UnitDraft;

/**
 * 交办责任部门: the departments, each with a deadline and optionally its handling officer; or, for an
 * item that matters county-wide, the request for the county path (not again once the county party
 * committee has instructed).
 */
@Component
public class AssignDepartmentsListener implements TaskListener {

    private final AssignmentService assignments;

    AssignDepartmentsListener(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        long itemId = TransferProcess.RESULT_ITEM_ID.get(task);
        String actor = CurrentUser.of(task);
        FormValues form = FormValues.of(task);
        boolean instructed = assignments.find(itemId).map(Assignment::countyInstructed).orElse(false);
        AssignmentRoute route = instructed ? AssignmentRoute.DIRECT
                : form.choice(AssignmentProcess.ROUTE.name(), "交办路径", AssignmentRoute.class);
        if (route == AssignmentRoute.COUNTY) {
            assignments.requestCounty(itemId, form.text("countyRequest", "报请理由", 2000), actor);
        } else {
            String requirements = form.optionalText("requirements", "交办要求", 2000);
            List<UnitDraft> units = form.rows("units", "责任部门").stream()
                    .map(row -> new UnitDraft(
                            row.text("department", "部门名称", 200),
                            row.flag("lead"),
                            row.optionalText("userId", "承办人账号", 64),
                            row.date("dueOn", "办理期限")))
                    .toList();
            assignments.assign(itemId, requirements, units, actor);
        }
        form.discard();
        AssignmentProcess.ROUTE.set(task.getExecution(), route.name());
    }
}

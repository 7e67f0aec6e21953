package cn.cppcc.consult.transfer.assignment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;
import cn.cppcc.consult.transfer.TransferProcess;

/** 县政协研究提请县委: propose the item to the county party committee, or return it to the township with a reason. */
@Component
public class ProposeToCountyPartyListener implements TaskListener {

    private final AssignmentService assignments;

    ProposeToCountyPartyListener(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean propose = form.answer(AssignmentProcess.COUNTY_PROPOSED.name(), "是否提请县委责成落实");
        String opinion = form.text("countyProposal", propose ? "提请意见" : "退回理由", 2000);
        assignments.proposeToCounty(TransferProcess.RESULT_ITEM_ID.get(task), propose, opinion, CurrentUser.of(task));
        TaskComment.add(task, opinion);
        form.discard();
        AssignmentProcess.COUNTY_PROPOSED.set(task.getExecution(), propose);
    }
}

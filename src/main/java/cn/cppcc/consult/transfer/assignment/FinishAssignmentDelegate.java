package cn.cppcc.consult.transfer.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 交办办结: every responsible department is done. */
@Component
public class FinishAssignmentDelegate implements JavaDelegate {

    private final AssignmentService assignments;

    FinishAssignmentDelegate(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.finish(TransferProcess.RESULT_ITEM_ID.get(execution));
    }
}

package cn.cppcc.consult.transfer.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期督办: the deadline has passed, and again at every interval until the department is done. */
@Component
public class EscalateOverdueDelegate implements JavaDelegate {

    private final AssignmentService assignments;

    EscalateOverdueDelegate(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.escalateOverdue(AssignmentProcess.UNIT_ID.get(execution));
    }
}

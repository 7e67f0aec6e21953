package cn.cppcc.consult.transfer.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 到期提醒: the department's deadline is near (timer {@code Event_DeadlineApproaching}). */
@Component
public class RemindDeadlineDelegate implements JavaDelegate {

    private final AssignmentService assignments;

    RemindDeadlineDelegate(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.remind(AssignmentProcess.UNIT_ID.get(execution));
    }
}

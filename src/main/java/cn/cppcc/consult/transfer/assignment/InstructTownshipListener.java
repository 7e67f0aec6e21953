package cn.cppcc.consult.transfer.assignment;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;

/** 县委责成落实: the county party committee instructs the township, with its requirements and a deadline. */
@Component
public class InstructTownshipListener implements TaskListener {

    private final AssignmentService assignments;

    InstructTownshipListener(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String instruction = form.text("countyInstruction", "责成意见", 2000);
        LocalDate deadline = form.date("countyDeadline", "完成时限");
        assignments.instruct(TransferProcess.RESULT_ITEM_ID.get(task), instruction, deadline, CurrentUser.of(task));
        form.discard();
    }
}

package cn.cppcc.consult.transfer.assignment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/**
 * 报告办理进度: status, percent done and what was done (files uploaded since the last report go with it);
 * the department's handling ends when it reports the item done, otherwise it reports again.
 */
@Component
public class HandleAssignmentListener implements TaskListener {

    private final AssignmentService assignments;

    HandleAssignmentListener(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        UnitStatus status = form.choice("status", "办理状态", UnitStatus.class);
        Integer progress = form.optionalInteger("progress", "完成进度", 0, 100);
        String content = form.text("content", "进展情况", 4000);
        boolean done = assignments.report(AssignmentProcess.UNIT_ID.get(task), status, progress, content,
                CurrentUser.of(task));
        form.discard();
        AssignmentProcess.UNIT_DONE.set(task.getExecution(), done);
    }
}

package cn.cppcc.consult.transfer.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;
import cn.cppcc.consult.transfer.TransferProcess;

/** 审核把关: approve for submission, or return to the member with the changes wanted. */
@Component
public class ReviewEscalationListener implements TaskListener {

    private final EscalationService escalations;

    ReviewEscalationListener(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(EscalationProcess.APPROVED.name(), "审核意见");
        String comment = form.optionalText("comment", "修改意见", 2000);
        escalations.review(TransferProcess.RESULT_ITEM_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, comment);
        form.discard();
        EscalationProcess.APPROVED.set(task.getExecution(), approved);
    }
}

package cn.cppcc.consult.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationNotices;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/**
 * The task that carries the item through a mechanism is done: its outcome closes the transfer
 * record; a feedback's outcome is sent to the resident members and the citizens concerned.
 */
@Component
public class FinishTransferListener implements TaskListener {

    private final TransferService transfers;
    private final ConsultationNotices notices;

    FinishTransferListener(TransferService transfers, ConsultationNotices notices) {
        this.transfers = transfers;
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String outcome = form.text("outcome", "办理结果", 4000);
        long itemId = TransferProcess.RESULT_ITEM_ID.get(task);
        Mechanism mechanism = StartTransferListener.mechanismOf(task.getExecution());
        transfers.finish(itemId, mechanism, outcome, CurrentUser.of(task));
        if (mechanism == Mechanism.FEEDBACK) {
            notices.resultFeedback(itemId, outcome);
        }
        form.discard();
    }
}

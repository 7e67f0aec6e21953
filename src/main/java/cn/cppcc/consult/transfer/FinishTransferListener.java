package cn.cppcc.consult.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** The task that carries the item through a mechanism is done: its outcome closes the transfer record. */
@Component
public class FinishTransferListener implements TaskListener {

    private final TransferService transfers;

    FinishTransferListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String outcome = form.text("outcome", "办理结果", 4000);
        transfers.finish(TransferProcess.RESULT_ITEM_ID.get(task),
                StartTransferListener.mechanismOf(task.getExecution()), outcome, CurrentUser.of(task));
        form.discard();
    }
}

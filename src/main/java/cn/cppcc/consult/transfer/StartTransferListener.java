package cn.cppcc.consult.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When a mechanism's process starts: the item's transfer record is opened. */
@Component
public class StartTransferListener implements ExecutionListener {

    private final TransferService transfers;

    StartTransferListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        transfers.start(TransferProcess.RESULT_ITEM_ID.get(execution), mechanismOf(execution),
                execution.getProcessInstanceId());
    }

    static Mechanism mechanismOf(DelegateExecution execution) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return Mechanism.ofProcess(key);
    }
}

package cn.cppcc.consult.transfer.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 转报办结: the escalation has been answered. */
@Component
public class FinishEscalationDelegate implements JavaDelegate {

    private final EscalationService escalations;

    FinishEscalationDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.finish(TransferProcess.RESULT_ITEM_ID.get(execution));
    }
}

package cn.cppcc.consult.transfer.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 催询办理答复: registered, not answered yet (timer {@code Event_AnswerOverdue}, at every interval). */
@Component
public class ChaseEscalationAnswerDelegate implements JavaDelegate {

    private final EscalationService escalations;

    ChaseEscalationAnswerDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.chase(TransferProcess.RESULT_ITEM_ID.get(execution));
    }
}

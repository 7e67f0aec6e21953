package cn.cppcc.consult.transfer.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;

/** 报送并登记编号: where it was sent, the number it was registered under, and who handles it. */
@Component
public class RegisterEscalationListener implements TaskListener {

    private final EscalationService escalations;

    RegisterEscalationListener(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String number = form.text("registrationNumber", "登记编号", 64);
        String submittedTo = form.text("submittedTo", "报送单位", 200);
        String handlingUnit = form.optionalText("handlingUnit", "承办单位", 200);
        escalations.register(TransferProcess.RESULT_ITEM_ID.get(task), number, submittedTo, handlingUnit,
                CurrentUser.of(task));
        form.discard();
    }
}

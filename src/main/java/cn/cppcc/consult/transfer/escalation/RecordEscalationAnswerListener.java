package cn.cppcc.consult.transfer.escalation;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.TransferProcess;

/** 登记办理答复: the answer, whether it was adopted, and when it came. */
@Component
public class RecordEscalationAnswerListener implements TaskListener {

    private final EscalationService escalations;

    RecordEscalationAnswerListener(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String answer = form.text("answer", "答复内容", 4000);
        Adoption adoption = form.choice("adoption", "采纳情况", Adoption.class);
        LocalDate answeredOn = form.date("answeredOn", "答复日期");
        escalations.recordAnswer(TransferProcess.RESULT_ITEM_ID.get(task), answer, adoption, answeredOn,
                CurrentUser.of(task));
        form.discard();
    }
}

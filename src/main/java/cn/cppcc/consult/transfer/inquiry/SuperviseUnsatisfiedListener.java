package cn.cppcc.consult.transfer.inquiry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;

/** 提请县委督办: still unsatisfactory after every re-handling allowed; the county party committee's decision. */
@Component
public class SuperviseUnsatisfiedListener implements TaskListener {

    private final InquiryService inquiries;

    SuperviseUnsatisfiedListener(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String opinion = form.text("supervision", "督办意见", 2000);
        inquiries.supervise(TransferProcess.RESULT_ITEM_ID.get(task), opinion, CurrentUser.of(task));
        form.discard();
    }
}

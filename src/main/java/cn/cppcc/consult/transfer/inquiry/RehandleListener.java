package cn.cppcc.consult.transfer.inquiry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;

/** 重新办理: what was done about an unsatisfactory evaluation; the inquiry then begins a new round. */
@Component
public class RehandleListener implements TaskListener {

    private final InquiryService inquiries;

    RehandleListener(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String measures = form.text("measures", "整改措施和办理结果", 4000);
        inquiries.rehandle(TransferProcess.RESULT_ITEM_ID.get(task), measures, CurrentUser.of(task));
        form.discard();
    }
}

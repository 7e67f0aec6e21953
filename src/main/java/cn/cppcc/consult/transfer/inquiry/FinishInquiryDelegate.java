package cn.cppcc.consult.transfer.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 问效办结: rated 满意 or 基本满意, or supervised by the county party committee. */
@Component
public class FinishInquiryDelegate implements JavaDelegate {

    private final InquiryService inquiries;

    FinishInquiryDelegate(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        inquiries.finish(TransferProcess.RESULT_ITEM_ID.get(execution));
    }
}

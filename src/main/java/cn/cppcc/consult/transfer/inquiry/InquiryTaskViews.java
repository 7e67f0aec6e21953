package cn.cppcc.consult.transfer.inquiry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.transfer.ItemTaskViews;
import cn.cppcc.consult.transfer.ResultItem;

/** What the inquiry's tasks show: the rounds so far, this round's findings, why it was unsatisfactory. */
@Component
@Transactional(readOnly = true)
public class InquiryTaskViews implements ItemTaskViews {

    private final InquiryService inquiries;

    InquiryTaskViews(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public Map<String, Object> of(DelegateTask task, ResultItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        String key = task.getTaskDefinitionKey();
        if (!key.equals(InquiryProcess.TASK_INQUIRE) && !key.equals(InquiryProcess.TASK_EVALUATE)
                && !key.equals(InquiryProcess.TASK_REHANDLE) && !key.equals(InquiryProcess.TASK_SUPERVISE)) {
            return view;
        }
        Optional<Inquiry> inquiry = inquiries.find(item.id());
        view.put("inquiryRound", inquiry.map(i -> "第" + i.round() + "轮").orElse("第1轮"));
        view.put("inquirySummary", inquiry.map(inquiries::describe).orElse(""));
        if (key.equals(InquiryProcess.TASK_EVALUATE)) {
            view.put(InquiryProcess.RATING.name(), null);
        }
        return view;
    }
}

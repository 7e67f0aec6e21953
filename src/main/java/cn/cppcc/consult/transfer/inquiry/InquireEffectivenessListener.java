package cn.cppcc.consult.transfer.inquiry;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.inquiry.InquiryService.ActivityDraft;

/** 开展视察回访问卷: the inspections, visits and questionnaires of this round, with what they found. */
@Component
public class InquireEffectivenessListener implements TaskListener {

    private final InquiryService inquiries;

    InquireEffectivenessListener(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        List<ActivityDraft> activities = form.rows("activities", "问效活动").stream()
                .map(row -> new ActivityDraft(
                        row.choice("method", "方式", InquiryMethod.class),
                        row.date("heldOn", "日期"),
                        row.text("findings", "了解到的情况", 2000),
                        row.optionalInteger("respondents", "回收问卷份数", 0, 100000),
                        row.optionalInteger("satisfiedRespondents", "满意份数", 0, 100000)))
                .toList();
        inquiries.recordActivities(TransferProcess.RESULT_ITEM_ID.get(task), activities, CurrentUser.of(task));
        form.discard();
    }
}

package cn.cppcc.consult.transfer.inquiry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.inquiry.InquiryService.Votes;

/** 民主评议: 满意, 基本满意 or 不满意 (with the votes if counted, and why). */
@Component
public class EvaluateResultListener implements TaskListener {

    private final InquiryService inquiries;

    EvaluateResultListener(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Satisfaction rating = form.choice(InquiryProcess.RATING.name(), "评议结果", Satisfaction.class);
        Votes votes = new Votes(form.optionalInteger("satisfiedVotes", "满意票数", 0, 100000),
                form.optionalInteger("basicVotes", "基本满意票数", 0, 100000),
                form.optionalInteger("unsatisfiedVotes", "不满意票数", 0, 100000));
        String comment = form.optionalText("comment", "评议意见", 2000);
        int rehandlings = inquiries.evaluate(TransferProcess.RESULT_ITEM_ID.get(task), rating, votes, comment,
                CurrentUser.of(task));
        TaskComment.add(task, comment);
        form.discard();
        InquiryProcess.RATING.set(task.getExecution(), rating.name());
        InquiryProcess.REHANDLINGS.set(task.getExecution(), rehandlings);
    }
}

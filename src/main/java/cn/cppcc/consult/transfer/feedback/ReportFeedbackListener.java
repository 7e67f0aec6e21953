package cn.cppcc.consult.transfer.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.TransferProcess;

/** 反馈办理情况: how the opinion was adopted and handled; a stage report or the final one. */
@Component
public class ReportFeedbackListener implements TaskListener {

    private final FeedbackService feedback;

    ReportFeedbackListener(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean isFinal = form.answer(FeedbackProcess.FINAL.name(), "反馈类型");
        Adoption adoption = form.choice("adoption", "意见采纳情况", Adoption.class);
        String content = form.text("content", "办理情况", 4000);
        feedback.report(TransferProcess.RESULT_ITEM_ID.get(task), adoption, content, isFinal, CurrentUser.of(task));
        form.discard();
        FeedbackProcess.FINAL.set(task.getExecution(), isFinal);
    }
}

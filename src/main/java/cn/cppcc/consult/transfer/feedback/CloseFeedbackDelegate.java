package cn.cppcc.consult.transfer.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 汇总满意度: the feedback ends with the satisfaction it reached. */
@Component
public class CloseFeedbackDelegate implements JavaDelegate {

    private final FeedbackService feedback;

    CloseFeedbackDelegate(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        feedback.close(TransferProcess.RESULT_ITEM_ID.get(execution));
    }
}

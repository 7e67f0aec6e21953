package cn.cppcc.consult.transfer.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.transfer.TransferProcess;

/** 向委员和群众发送反馈: through the notification service, in this step's transaction. */
@Component
public class SendFeedbackDelegate implements JavaDelegate {

    private final FeedbackService feedback;

    SendFeedbackDelegate(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean invited = feedback.send(TransferProcess.RESULT_ITEM_ID.get(execution));
        FeedbackProcess.RATINGS_INVITED.set(execution, invited);
    }
}

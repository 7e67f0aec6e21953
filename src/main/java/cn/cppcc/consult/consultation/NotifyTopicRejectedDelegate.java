package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知不予采纳理由. */
@Component
public class NotifyTopicRejectedDelegate implements JavaDelegate {

    private final ConsultationNotices notices;

    NotifyTopicRejectedDelegate(ConsultationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ConsultationProcess.CONSULTATION_ID.get(execution);
        notices.topicRejected(id, ConsultationProcess.INITIATOR.get(execution));
    }
}

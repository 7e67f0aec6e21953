package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提前通报参与人员. */
@Component
public class SendAdvanceNoticeDelegate implements JavaDelegate {

    private final ConsultationNotices notices;

    SendAdvanceNoticeDelegate(ConsultationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ConsultationProcess.CONSULTATION_ID.get(execution);
        notices.advanceNotice(id);
    }
}

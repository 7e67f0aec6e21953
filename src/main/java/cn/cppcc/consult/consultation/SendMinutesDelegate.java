package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 呈送党委政府. */
@Component
public class SendMinutesDelegate implements JavaDelegate {

    private final ConsultationNotices notices;

    SendMinutesDelegate(ConsultationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ConsultationProcess.CONSULTATION_ID.get(execution);
        notices.sendMinutes(id);
    }
}

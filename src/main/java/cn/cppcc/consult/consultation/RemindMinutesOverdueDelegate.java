package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 纪要逾期催办. */
@Component
public class RemindMinutesOverdueDelegate implements JavaDelegate {

    private final ConsultationNotices notices;

    RemindMinutesOverdueDelegate(ConsultationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ConsultationProcess.CONSULTATION_ID.get(execution);
        notices.minutesOverdue(id);
    }
}

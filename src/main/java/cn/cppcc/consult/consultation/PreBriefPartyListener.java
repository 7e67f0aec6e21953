package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 敏感问题主动向党组织通报: the party organisation takes note and may give guidance. */
@Component
public class PreBriefPartyListener implements TaskListener {

    private final ConsultationService consultations;

    PreBriefPartyListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String guidance = form.optionalText("guidance", "指导意见", 2000);
        consultations.acknowledgePreBriefing(CONSULTATION_ID.get(task), guidance, CurrentUser.of(task));
        form.discard();
    }
}

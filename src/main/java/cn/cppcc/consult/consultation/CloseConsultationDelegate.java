package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结项归档: every result item has been carried through; the consultation and its topic are closed. */
@Component
public class CloseConsultationDelegate implements JavaDelegate {

    private final ConsultationService consultations;

    CloseConsultationDelegate(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        consultations.close(ConsultationProcess.CONSULTATION_ID.get(execution));
    }
}

package cn.cppcc.consult.consultation;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the consultation of a topic already registered: the record and its process instance in
 * one transaction, business key = the consultation's number. Plans, temporary topics and the
 * emergency track all start consultations here.
 */
@Service
public class ConsultationLauncher {

    private final ConsultationService consultations;
    private final RuntimeService runtimeService;

    ConsultationLauncher(ConsultationService consultations, RuntimeService runtimeService) {
        this.consultations = consultations;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Consultation launch(long topicId, String initiator, boolean emergency) {
        Consultation consultation = consultations.open(topicId, initiator, emergency);
        runtimeService.createProcessInstanceByKey(ConsultationProcess.KEY)
                .businessKey(consultation.number())
                .setVariable(ConsultationProcess.CONSULTATION_ID.name(), consultation.id())
                .setVariable(ConsultationProcess.INITIATOR.name(), initiator)
                .execute();
        return consultations.get(consultation.id());
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.PARTICIPANTS_APPROVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 党组织认可参与人员: a list not approved goes back to be drawn up again, with the reason. */
@Component
public class ApproveParticipantsListener implements TaskListener {

    private final ConsultationService consultations;

    ApproveParticipantsListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(PARTICIPANTS_APPROVED.name(), "是否认可");
        String comment = form.optionalText("comment", "意见", 1000);
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "不认可时须说明理由");
        }
        consultations.approveParticipants(CONSULTATION_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, comment);
        form.discard();
        PARTICIPANTS_APPROVED.set(task, approved);
    }
}

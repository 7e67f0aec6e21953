package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 确定协商主体: the participants list, drawn up by the stakeholder principle. */
@Component
public class DraftParticipantsListener implements TaskListener {

    private final ConsultationService consultations;

    DraftParticipantsListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        long consultationId = CONSULTATION_ID.get(task);
        List<Participant> participants = form.rows("participants", "参与人员").stream()
                .map(row -> new Participant(null, consultationId,
                        row.text("name", "姓名", 100),
                        row.choice("category", "类别", ParticipantCategory.class),
                        row.optionalText("organisation", "单位或身份", 200),
                        row.optionalText("userId", "平台账号", 64),
                        null))
                .toList();
        consultations.setParticipants(consultationId, participants, CurrentUser.of(task));
        form.discard();
    }
}

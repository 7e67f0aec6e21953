package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.PARTICIPANT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 提交书面意见: one participant's opinion in a written consultation. */
@Component
public class SubmitWrittenOpinionListener implements TaskListener {

    private final DeliberationService deliberation;

    SubmitWrittenOpinionListener(DeliberationService deliberation) {
        this.deliberation = deliberation;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String content = form.text("opinion", "书面意见", 4000);
        deliberation.submitWrittenOpinion(CONSULTATION_ID.get(task), PARTICIPANT_ID.get(task), content,
                CurrentUser.of(task));
        form.discard();
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 修改议题: the organiser revises a returned topic and submits it for approval again. */
@Component
public class ReviseTopicListener implements TaskListener {

    private final ConsultationService consultations;

    ReviseTopicListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String title = form.text("topicTitle", "议题名称", 200);
        String description = form.text("topicDescription", "议题内容", 4000);
        consultations.reviseTopic(CONSULTATION_ID.get(task), title, description, CurrentUser.of(task));
        form.discard();
    }
}

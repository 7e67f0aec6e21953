package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.plan.TemporaryTopicService.Draft;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 专委会拟定协商议事方案. */
@Component
public class DraftTemporaryPlanListener implements TaskListener {

    private final TemporaryTopicService temporaryTopics;

    DraftTemporaryPlanListener(TemporaryTopicService temporaryTopics) {
        this.temporaryTopics = temporaryTopics;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Draft draft = new Draft(form.choice("consultationForm", "协商形式", ConsultationForm.class),
                form.dateTime("plannedOn", "计划协商日期").atZoneSameInstant(FormValues.ZONE).toLocalDate(),
                form.text("participantsScope", "参与范围", 1000), form.text("researchPlan", "调研安排", 2000));
        temporaryTopics.draft(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(task), draft,
                TemporaryTopicProcess.PLACE_CODE.get(task), CurrentUser.of(task));
        form.discard();
    }
}

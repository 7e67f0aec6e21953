package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_FORM;
import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.SENSITIVE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationService.Plan;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 制定实施方案: host, form of consultation, venue and time; whether the issue is sensitive. */
@Component
public class DraftPlanListener implements TaskListener {

    private final ConsultationService consultations;

    DraftPlanListener(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Plan plan = new Plan(
                form.choice(CONSULTATION_FORM.name(), "协商形式", ConsultationForm.class),
                form.text("host", "主持人", 100),
                form.optionalText("venue", "协商地点", 200),
                form.optionalDateTime("scheduledAt", "协商时间"),
                form.optionalDateTime("closingAt", "意见征集截止时间"),
                form.flag(SENSITIVE.name()));
        consultations.plan(CONSULTATION_ID.get(task), plan, CurrentUser.of(task));
        form.discard();
        CONSULTATION_FORM.set(task, plan.form().name());
        SENSITIVE.set(task, plan.sensitive());
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 汇总协商意见: written or online opinions summed up into the outcome. */
@Component
public class SummariseOpinionsListener implements TaskListener {

    private final DeliberationService deliberation;

    SummariseOpinionsListener(DeliberationService deliberation) {
        this.deliberation = deliberation;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Outcome outcome = form.choice("outcome", "协商结果", Outcome.class);
        String summary = form.text("summary", "意见汇总", 4000);
        deliberation.summarise(CONSULTATION_ID.get(task), outcome, summary, CurrentUser.of(task));
        form.discard();
    }
}

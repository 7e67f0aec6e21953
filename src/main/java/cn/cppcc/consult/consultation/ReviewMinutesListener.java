package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.MINUTES_APPROVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 主持人审核纪要: approve, or return with the changes wanted. */
@Component
public class ReviewMinutesListener implements TaskListener {

    private final MinutesService minutes;

    ReviewMinutesListener(MinutesService minutes) {
        this.minutes = minutes;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(MINUTES_APPROVED.name(), "纪要是否通过");
        String comment = form.optionalText("comment", "审核意见", 2000);
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回纪要须说明修改意见");
        }
        minutes.review(CONSULTATION_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, comment);
        form.discard();
        MINUTES_APPROVED.set(task, approved);
    }
}

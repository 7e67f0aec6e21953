package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 报县政协联络委备案: the county CPPCC liaison committee files the minutes under a number. */
@Component
public class FileMinutesListener implements TaskListener {

    private final MinutesService minutes;

    FileMinutesListener(MinutesService minutes) {
        this.minutes = minutes;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String filingNumber = form.text("filingNumber", "备案编号", 64);
        minutes.file(CONSULTATION_ID.get(task), filingNumber, CurrentUser.of(task));
        form.discard();
    }
}

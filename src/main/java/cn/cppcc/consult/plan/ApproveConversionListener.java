package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 党组织审定转入计划. */
@Component
public class ApproveConversionListener implements TaskListener {

    private final EmergencyService emergencies;

    ApproveConversionListener(EmergencyService emergencies) {
        this.emergencies = emergencies;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(EmergencyTopicProcess.CONVERSION_APPROVED.name(), "审定意见");
        String comment = form.optionalText("comment", "意见", 1000);
        emergencies.decide(EmergencyTopicProcess.FOLLOW_UP_TOPIC_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, approved ? null : "退回：" + comment);
        form.discard();
        EmergencyTopicProcess.CONVERSION_APPROVED.set(task, approved);
    }
}

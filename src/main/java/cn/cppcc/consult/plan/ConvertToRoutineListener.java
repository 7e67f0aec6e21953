package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.EmergencyTopicProcess.CONVERT_TO_ROUTINE;
import static cn.cppcc.consult.plan.EmergencyTopicProcess.FOLLOW_UP_TOPIC_ID;
import static cn.cppcc.consult.plan.EmergencyTopicProcess.TOPIC_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.plan.EmergencyService.FollowUp;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 转为常态化协商: a follow-up topic for the routine plan with its date, or not, with the reason. */
@Component
public class ConvertToRoutineListener implements TaskListener {

    private final EmergencyService emergencies;

    ConvertToRoutineListener(EmergencyService emergencies) {
        this.emergencies = emergencies;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean convert = form.answer(CONVERT_TO_ROUTINE.name(), "是否转为常态化协商");
        FollowUp followUp = null;
        if (convert) {
            followUp = new FollowUp(form.text("followUpTitle", "常态化协商议题", 100),
                    form.text("followUpDescription", "议题内容", 4000),
                    form.dateTime("plannedOn", "计划协商日期").atZoneSameInstant(FormValues.ZONE).toLocalDate());
        }
        String reason = form.optionalText("reason", "理由", 1000);
        var followUpId = emergencies.convert(TOPIC_ID.get(task), FOLLOW_UP_TOPIC_ID.find(task).orElse(null), followUp,
                reason, CurrentUser.of(task));
        form.discard();
        CONVERT_TO_ROUTINE.set(task, convert);
        followUpId.ifPresent(id -> FOLLOW_UP_TOPIC_ID.set(task, id));
    }
}

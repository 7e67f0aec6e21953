package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.DeliberationService.GivenOpinion;
import cn.cppcc.consult.consultation.DeliberationService.Response;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 召开协商议事会: attendance, each speaker's opinion, departments' on-site responses, the outcome. */
@Component
public class HoldMeetingListener implements TaskListener {

    private final DeliberationService deliberation;

    HoldMeetingListener(DeliberationService deliberation) {
        this.deliberation = deliberation;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        List<Long> present = form.ids("attendance", "出席人员");
        List<GivenOpinion> opinions = form.rows("opinions", "发言意见").stream()
                .map(row -> new GivenOpinion(row.id("participantId", "发言人"), row.text("content", "意见", 4000)))
                .toList();
        List<Response> responses = form.rows("responses", "部门回应").stream()
                .map(row -> new Response(row.text("department", "部门", 200), row.text("content", "回应内容", 4000)))
                .toList();
        Outcome outcome = form.choice("outcome", "协商结果", Outcome.class);
        String summary = form.text("summary", "协商情况小结", 4000);
        deliberation.recordMeeting(CONSULTATION_ID.get(task), present, opinions, responses, outcome, summary,
                CurrentUser.of(task));
        form.discard();
    }
}

package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.RESEARCH_ACCEPTED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/**
 * 审核调研报告: the host accepts the report or returns it for more research, with the reason. An
 * accepted report lets a meeting be convened: its participants are invited.
 */
@Component
public class ReviewResearchListener implements TaskListener {

    private final ResearchService research;
    private final ConsultationNotices notices;

    ReviewResearchListener(ResearchService research, ConsultationNotices notices) {
        this.research = research;
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean accepted = form.answer(RESEARCH_ACCEPTED.name(), "调研报告是否通过");
        String comment = form.optionalText("comment", "审核意见", 2000);
        if (!accepted && comment == null) {
            throw FormValues.invalid("comment", "退回调研报告须说明理由");
        }
        research.review(CONSULTATION_ID.get(task), accepted, comment, CurrentUser.of(task));
        if (accepted) {
            notices.meetingInvitation(CONSULTATION_ID.get(task));
        }
        TaskComment.add(task, comment);
        form.discard();
        RESEARCH_ACCEPTED.set(task, accepted);
    }
}

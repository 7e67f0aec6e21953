package cn.cppcc.consult.transfer.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.transfer.ItemTaskViews;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultFollowers;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;

/** What the feedback task shows: earlier reports, who will hear it, and whether a final report is possible yet. */
@Component
@Transactional(readOnly = true)
public class FeedbackTaskViews implements ItemTaskViews {

    private final FeedbackService feedback;
    private final TransferService transfers;
    private final ResultFollowers followers;
    private final ConsultationService consultations;

    FeedbackTaskViews(FeedbackService feedback, TransferService transfers, ResultFollowers followers,
            ConsultationService consultations) {
        this.feedback = feedback;
        this.transfers = transfers;
        this.followers = followers;
        this.consultations = consultations;
    }

    @Override
    public Map<String, Object> of(DelegateTask task, ResultItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (!FeedbackProcess.TASK_REPORT.equals(task.getTaskDefinitionKey())) {
            return view;
        }
        view.put("previousFeedback", feedback.reports(item.id()).stream()
                .map(r -> TransferTexts.time(r.reportedAt()) + " " + r.kindLabel() + "（" + r.adoption().label() + "）："
                        + r.content())
                .collect(Collectors.joining("\n")));
        int citizens = followers.citizensOf(consultations.get(item.consultationId())).size();
        view.put("recipients", "住地政协委员；群众" + citizens + "人（办结反馈时每人收到满意度评价链接）");
        view.put(FeedbackProcess.FINAL.name(), null);
        Set<Mechanism> open = transfers.unfinishedHandling(item);
        view.put("finalAllowed", open.isEmpty() ? "其他转化机制均已办结，可作办结反馈。"
                : open.stream().map(Mechanism::label).collect(Collectors.joining("、")) + "尚未办结，目前只能作阶段反馈。");
        return view;
    }
}

package cn.cppcc.consult.transfer.escalation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.transfer.ItemTaskViews;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferTexts;

/** What the escalation's tasks show: the draft to write again or review, and how it was registered. */
@Component
@Transactional(readOnly = true)
public class EscalationTaskViews implements ItemTaskViews {

    private final EscalationService escalations;

    EscalationTaskViews(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public Map<String, Object> of(DelegateTask task, ResultItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        Optional<Escalation> escalation = escalations.find(item.id());
        switch (task.getTaskDefinitionKey()) {
            case EscalationProcess.TASK_DRAFT -> {
                view.put("kind", escalation.map(e -> e.kind().name()).orElse(null));
                view.put("title", escalation.map(Escalation::title).orElse(TransferTexts.shorten(item.content(), 60)));
                view.put("content", escalation.map(Escalation::content).orElse(null));
                view.put("previousComment", escalation.map(Escalation::reviewComment).orElse(""));
            }
            case EscalationProcess.TASK_REVIEW, EscalationProcess.TASK_REGISTER, EscalationProcess.TASK_RECORD_ANSWER -> {
                view.put("escalationSummary", escalation.map(escalations::describe).orElse(""));
                if (task.getTaskDefinitionKey().equals(EscalationProcess.TASK_REVIEW)) {
                    view.put(EscalationProcess.APPROVED.name(), null);
                }
            }
            default -> {
            }
        }
        return view;
    }
}

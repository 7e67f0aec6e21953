package cn.cppcc.consult.transfer.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.transfer.ItemTaskViews;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferTexts;

/** What the assignment's tasks show: the county path so far, the department's deadline, reports and files. */
@Component
@Transactional(readOnly = true)
public class AssignmentTaskViews implements ItemTaskViews {

    private final AssignmentService assignments;
    private final ProgressAttachments attachments;

    AssignmentTaskViews(AssignmentService assignments, ProgressAttachments attachments) {
        this.assignments = assignments;
        this.attachments = attachments;
    }

    @Override
    public Map<String, Object> of(DelegateTask task, ResultItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        Optional<Assignment> assignment = assignments.find(item.id());
        switch (task.getTaskDefinitionKey()) {
            case AssignmentProcess.TASK_ASSIGN_DEPARTMENTS -> {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("department", item.department());
                unit.put("lead", true);
                unit.put("dueOn", item.dueOn() == null ? null : item.dueOn().toString());
                view.put("units", Spin.JSON(List.of(unit)));
                view.put("countyInstruction", assignment.filter(Assignment::countyInstructed)
                        .map(a -> a.countyInstruction() + "（完成时限：" + TransferTexts.date(a.countyDeadline()) + "）")
                        .orElse(""));
                view.put("previousComment", assignment.filter(a -> Boolean.FALSE.equals(a.countyProposed()))
                        .map(Assignment::countyProposal).orElse(""));
                view.put(AssignmentProcess.ROUTE.name(), null);
            }
            case AssignmentProcess.TASK_PROPOSE_TO_COUNTY_PARTY, AssignmentProcess.TASK_INSTRUCT_TOWNSHIP -> {
                view.put("countyRequest", assignment.map(Assignment::countyRequest).orElse(""));
                view.put("countyProposal", assignment.map(Assignment::countyProposal).orElse(""));
                if (task.getTaskDefinitionKey().equals(AssignmentProcess.TASK_PROPOSE_TO_COUNTY_PARTY)) {
                    view.put(AssignmentProcess.COUNTY_PROPOSED.name(), null);
                }
            }
            case AssignmentProcess.TASK_HANDLE -> {
                long unitId = AssignmentProcess.UNIT_ID.get(task);
                AssignmentUnit unit = assignments.unit(unitId);
                Assignment a = assignment.orElseThrow();
                view.put("unitSummary", unit.title() + "，办理期限：" + TransferTexts.date(unit.dueOn())
                        + (a.requirements() == null ? "" : "\n交办要求：" + a.requirements())
                        + (a.countyInstructed() ? "\n县委责成意见：" + a.countyInstruction() : ""));
                view.put("progressSummary", assignments.reports(unitId).stream()
                        .map(r -> TransferTexts.time(r.reportedAt()) + " " + r.status().label() + " " + r.progress()
                                + "%：" + r.content())
                        .collect(Collectors.joining("\n")));
                view.put("attachmentsSummary", attachments.pendingSummary(unitId));
                view.put("progress", unit.progress());
            }
            default -> {
            }
        }
        return view;
    }
}

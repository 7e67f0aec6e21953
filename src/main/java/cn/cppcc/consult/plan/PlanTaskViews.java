package cn.cppcc.consult.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.plan.Amendment.Change;
import cn.cppcc.consult.process.TaskView;
import cn.cppcc.consult.topic.Topic;

/**
 * What the annual plan's forms show: the plan, its topics and dates, the candidates to choose from,
 * the change proposed, and why a draft came back.
 */
@Service
@Transactional(readOnly = true)
public class PlanTaskViews implements TaskView {

    private static final Set<String> TASKS = Set.of(AnnualPlanProcess.TASK_SELECT_KEY_TOPICS,
            AnnualPlanProcess.TASK_APPROVE_PLAN, AnnualPlanProcess.TASK_SIGN_PARTY_OFFICE,
            AnnualPlanProcess.TASK_SIGN_GOVERNMENT_OFFICE, AnnualPlanProcess.TASK_SIGN_CPPCC_OFFICE,
            AnnualPlanProcess.TASK_ISSUE_TOWNSHIP_PLAN, AnnualPlanProcess.TASK_PROPOSE_AMENDMENT,
            AnnualPlanProcess.TASK_APPROVE_AMENDMENT);

    private final AnnualPlanService plans;
    private final PlanAmendments amendments;

    PlanTaskViews(AnnualPlanService plans, PlanAmendments amendments) {
        this.plans = plans;
        this.amendments = amendments;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        String key = task.getTaskDefinitionKey();
        if (!TASKS.contains(key)) {
            return view;
        }
        long planId = AnnualPlanProcess.PLAN_ID.get(task);
        AnnualPlan plan = plans.plan(planId);
        view.put("planTitle", plan.title() + (plan.documentNumber() == null ? "" : "（" + plan.documentNumber() + "）"));
        view.put("planSummary", planSummary(planId));
        switch (key) {
            case AnnualPlanProcess.TASK_SELECT_KEY_TOPICS -> {
                view.put("candidatesSummary", topicsSummary(plans.candidates(planId)));
                view.put("candidateOptions", options(plans.candidates(planId)));
                view.put("previousComment", lastComment(planId, "党组织退回修改"));
                List<Map<String, Object>> drafted = plans.items(planId).stream()
                        .filter(i -> i.status() == PlanItemStatus.DRAFT)
                        .map(i -> Map.<String, Object>of("topicId", String.valueOf(i.topicId()),
                                "plannedOn", i.plannedOn().toString()))
                        .toList();
                if (!drafted.isEmpty()) {
                    view.put("items", Spin.JSON(drafted));
                }
            }
            case AnnualPlanProcess.TASK_PROPOSE_AMENDMENT -> {
                view.put("candidatesSummary", topicsSummary(plans.candidates(planId)));
                List<Topic> choosable = new java.util.ArrayList<>(plans.candidates(planId));
                plans.items(planId).stream().filter(i -> i.status() == PlanItemStatus.PLANNED)
                        .map(i -> plans.topic(i.topicId())).forEach(choosable::add);
                view.put("topicOptions", options(choosable));
                view.put("previousComment", amendments.latest(planId)
                        .filter(a -> a.status() == AmendmentStatus.RETURNED)
                        .map(Amendment::decisionComment).orElse(""));
            }
            case AnnualPlanProcess.TASK_APPROVE_AMENDMENT -> amendments.latest(planId).ifPresent(a -> {
                view.put("amendmentSummary", a.reason() + "\n" + amendments.changes(a.id()).stream()
                        .map(this::changeSummary).collect(Collectors.joining("\n")));
            });
            default -> {
            }
        }
        return view;
    }

    private String planSummary(long planId) {
        List<PlanItem> items = plans.items(planId);
        if (items.isEmpty()) {
            return "（尚未遴选议题）";
        }
        return items.stream()
                .map(i -> AnnualPlanService.DAY.format(i.plannedOn()) + "  " + topicLine(plans.topic(i.topicId()))
                        + "  【" + i.status().label() + "，" + i.origin().label() + "】")
                .collect(Collectors.joining("\n"));
    }

    private String changeSummary(Change c) {
        return c.action().label() + "：" + topicLine(plans.topic(c.topicId()))
                + (c.plannedOn() == null ? "" : "，计划协商日期 " + AnnualPlanService.DAY.format(c.plannedOn()));
    }

    private static String topicsSummary(List<Topic> topics) {
        return topics.isEmpty() ? "（暂无待列入计划的议题）"
                : topics.stream().map(PlanTaskViews::topicLine).collect(Collectors.joining("\n"));
    }

    private static Object options(List<Topic> topics) {
        return Spin.JSON(topics.stream().map(t -> Map.of("label", topicLine(t), "value", String.valueOf(t.id()))).toList());
    }

    static String topicLine(Topic t) {
        return t.number() + " " + t.title() + "（" + t.source().label() + "）";
    }

    private String lastComment(long planId, String action) {
        return plans.events(planId).stream()
                .filter(e -> action.equals(e.action()))
                .reduce((first, second) -> second)
                .map(PlanEvent::comment)
                .orElse("");
    }
}

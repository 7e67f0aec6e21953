package cn.cppcc.consult.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.plan.Amendment.Change;
import cn.cppcc.consult.plan.Amendment.Proposed;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * 计划调整: during the year an issued plan gains topics, moves dates or drops topics, each change
 * with a reason and the same-level party organisation's approval.
 */
@Service
@Transactional
public class PlanAmendments {

    private final AnnualPlanService plans;
    private final PlanRepository repository;
    private final TopicRepository topics;
    private final TopicHistory topicHistory;

    PlanAmendments(AnnualPlanService plans, PlanRepository repository, TopicRepository topics, TopicHistory topicHistory) {
        this.plans = plans;
        this.repository = repository;
        this.topics = topics;
        this.topicHistory = topicHistory;
    }

    @Transactional(readOnly = true)
    public Optional<Amendment> latest(long planId) {
        return repository.latestAmendment(planId);
    }

    @Transactional(readOnly = true)
    public List<Change> changes(long amendmentId) {
        return repository.changes(amendmentId);
    }

    public void propose(long planId, List<Proposed> changes, String reason, String actor) {
        AnnualPlan plan = plans.plan(planId);
        if (changes.isEmpty()) {
            throw FormValues.invalid("changes", "请至少填写一项调整");
        }
        Set<Long> candidates = plans.candidates(planId).stream().map(Topic::id).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Proposed c = changes.get(i);
            String row = "调整事项第" + (i + 1) + "项";
            if (!seen.add(c.topicId())) {
                throw FormValues.invalid("changes", row + "的议题重复");
            }
            Optional<PlanItem> item = repository.item(planId, c.topicId())
                    .filter(it -> it.status() == PlanItemStatus.PLANNED);
            switch (c.action()) {
                case ADD -> {
                    if (!candidates.contains(c.topicId())) {
                        throw FormValues.invalid("changes", row + "增补的议题须是本级已受理、待列入计划的议题");
                    }
                    plans.checkDate(plan, c.plannedOn(), "changes", row + "的");
                }
                case RESCHEDULE -> {
                    if (item.isEmpty()) {
                        throw FormValues.invalid("changes", row + "只能调整计划内尚未启动协商的议题");
                    }
                    plans.checkDate(plan, c.plannedOn(), "changes", row + "的");
                }
                case DROP -> {
                    if (item.isEmpty()) {
                        throw FormValues.invalid("changes", row + "只能调出计划内尚未启动协商的议题");
                    }
                }
            }
        }
        if (reason == null) {
            throw FormValues.invalid("reason", "请写明调整理由");
        }
        long id = repository.insertAmendment(planId, reason, actor, EngineClock.now());
        changes.forEach(c -> repository.insertChange(id, c));
        plans.record(planId, "提出计划调整", actor, reason);
    }

    public void decide(long planId, boolean approved, String comment, String actor) {
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回须写明意见");
        }
        Amendment amendment = latest(planId).orElseThrow();
        repository.decideAmendment(amendment.id(), approved ? AmendmentStatus.APPROVED : AmendmentStatus.RETURNED,
                comment, actor, EngineClock.now());
        plans.record(planId, approved ? "党组织审定计划调整：同意" : "党组织审定计划调整：退回", actor, comment);
    }

    /**
     * Puts the approved changes into force. A topic whose consultation started after the change was
     * proposed keeps its consultation; the change is recorded as not applied.
     */
    public void apply(long planId) {
        Amendment amendment = latest(planId).filter(a -> a.status() == AmendmentStatus.APPROVED).orElseThrow();
        for (Change c : repository.changes(amendment.id())) {
            Topic topic = plans.topic(c.topicId());
            Optional<PlanItem> item = repository.item(planId, c.topicId());
            boolean pending = item.filter(it -> it.status() == PlanItemStatus.PLANNED).isPresent();
            switch (c.action()) {
                case ADD -> {
                    if (topic.status() == TopicStatus.ACCEPTED) {
                        plans.enterPlan(planId, c.topicId(), c.plannedOn(), PlanItemOrigin.AMENDMENT, amendment.proposedBy());
                    } else {
                        plans.record(planId, "调整未生效：" + topic.title(), null, "该议题已" + topic.status().label());
                    }
                }
                case RESCHEDULE -> {
                    if (pending) {
                        repository.updateItem(item.get().id(), c.plannedOn(), PlanItemStatus.PLANNED);
                        plans.record(planId, "调整协商日期：" + topic.title(), null,
                                AnnualPlanService.DAY.format(c.plannedOn()));
                    } else {
                        plans.record(planId, "调整未生效：" + topic.title(), null, "该议题已启动协商");
                    }
                }
                case DROP -> {
                    if (pending) {
                        repository.updateItem(item.get().id(), item.get().plannedOn(), PlanItemStatus.DROPPED);
                        topics.updateStatus(c.topicId(), TopicStatus.ACCEPTED, null, EngineClock.now());
                        topicHistory.record(c.topicId(), "调出年度协商计划", null, amendment.reason());
                        plans.record(planId, "调出计划：" + topic.title(), null, amendment.reason());
                    } else {
                        plans.record(planId, "调整未生效：" + topic.title(), null, "该议题已启动协商");
                    }
                }
            }
        }
        repository.updateAmendmentStatus(amendment.id(), AmendmentStatus.APPLIED);
        plans.record(planId, "计划调整生效", null, amendment.reason());
        plans.planChanged(planId);
    }
}

package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationLauncher;
import cn.cppcc.consult.intake.TopicIntakeProcess;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * 年度协商计划: drafted from the accepted topics waiting for the place's plan, approved by the
 * same-level party organisation, issued (jointly by 党委办、政府办、政协办 for a county; by the
 * township's 党政办), then each planned topic's consultation starts on its date. Topics enter a plan
 * here only ({@link #enterPlan}), whatever the track: annual, amendment, temporary, emergency.
 */
@Service
@Transactional
public class AnnualPlanService {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PlanRepository plans;
    private final TopicRepository topics;
    private final TopicHistory topicHistory;
    private final OrganisationService organisation;
    private final TaskRouting routing;
    private final ConsultationLauncher launcher;
    private final NotificationService notifications;
    private final RuntimeService runtimeService;

    AnnualPlanService(PlanRepository plans, TopicRepository topics, TopicHistory topicHistory,
            OrganisationService organisation, TaskRouting routing, ConsultationLauncher launcher,
            NotificationService notifications, RuntimeService runtimeService) {
        this.plans = plans;
        this.topics = topics;
        this.topicHistory = topicHistory;
        this.organisation = organisation;
        this.routing = routing;
        this.launcher = launcher;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
    }

    @Transactional(readOnly = true)
    public AnnualPlan plan(long id) {
        return plans.find(id).orElseThrow(() -> new NoSuchElementException("年度计划不存在：" + id));
    }

    @Transactional(readOnly = true)
    public List<PlanItem> items(long planId) {
        return plans.items(planId);
    }

    @Transactional(readOnly = true)
    public List<PlanEvent> events(long planId) {
        return plans.events(planId);
    }

    /** Accepted topics waiting for this plan's place: what key topics are selected from. */
    @Transactional(readOnly = true)
    public List<Topic> candidates(long planId) {
        return topics.findCandidates(plan(planId).placeCode());
    }

    @Transactional(readOnly = true)
    public Topic topic(long id) {
        return topics.find(id).orElseThrow(() -> new NoSuchElementException("议题不存在：" + id));
    }

    /** A county's plan (政协协商) or a township's (基层协商), one per place and year. */
    public AnnualPlan register(String placeCode, int year, String actor) {
        Place place = organisation.place(placeCode);
        if (place.level() != PlaceLevel.COUNTY && place.level() != PlaceLevel.TOWNSHIP) {
            throw FormValues.invalid("planYear", "年度协商计划由县政协或乡镇（街道）编制");
        }
        int thisYear = EngineClock.now().getYear();
        if (year < thisYear || year > thisYear + 1) {
            throw FormValues.invalid("planYear", "计划年度应为" + thisYear + "年或" + (thisYear + 1) + "年");
        }
        if (plans.findByPlaceAndYear(placeCode, year).isPresent()) {
            throw FormValues.invalid("planYear", place.name() + year + "年度协商计划已经编制，年内变化请在该计划中提出调整");
        }
        String title = place.name() + year + "年度" + (place.level() == PlaceLevel.COUNTY ? "政协" : "基层") + "协商计划";
        long id = plans.insert("JH" + year + "-" + placeCode, placeCode, year, title, actor, EngineClock.now());
        record(id, "编制年度协商计划", actor, title);
        return plan(id);
    }

    /** A county's plan is issued jointly by 党委办、政府办、政协办; a township's by its 党政办. */
    public boolean jointIssue(AnnualPlan plan) {
        return organisation.place(plan.placeCode()).level() == PlaceLevel.COUNTY;
    }

    public void attachProcess(long planId, String processInstanceId) {
        plans.updateProcessInstance(planId, processInstanceId);
    }

    public record Selection(long topicId, LocalDate plannedOn) {
    }

    /** 遴选重点议题: the draft's topics and dates (again after the party organisation returned it). */
    public void selectKeyTopics(long planId, List<Selection> selections, String actor) {
        AnnualPlan plan = plan(planId);
        if (selections.isEmpty()) {
            throw FormValues.invalid("items", "请至少遴选一个重点议题");
        }
        Set<Long> candidates = candidates(planId).stream().map(Topic::id).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < selections.size(); i++) {
            Selection s = selections.get(i);
            String row = "重点议题第" + (i + 1) + "项";
            if (!candidates.contains(s.topicId())) {
                throw FormValues.invalid("items", row + "不是本级待列入计划的议题");
            }
            if (!seen.add(s.topicId())) {
                throw FormValues.invalid("items", row + "重复");
            }
            checkDate(plan, s.plannedOn(), "items", row + "的");
        }
        plans.deleteDraftItems(planId);
        OffsetDateTime now = EngineClock.now();
        selections.forEach(s -> plans.insertItem(planId, s.topicId(), s.plannedOn(), PlanItemStatus.DRAFT,
                PlanItemOrigin.ANNUAL, now));
        plans.updateStatus(planId, PlanStatus.DRAFTING, now);
        record(planId, "遴选重点议题", actor, selections.size() + "个");
    }

    /** A planned date must fall in the plan's year, today or later. */
    void checkDate(AnnualPlan plan, LocalDate plannedOn, String field, String label) {
        if (plannedOn == null) {
            throw FormValues.invalid(field, "请填写" + label + "计划协商日期");
        }
        if (plannedOn.getYear() != plan.planYear()) {
            throw FormValues.invalid(field, label + "计划协商日期须在" + plan.planYear() + "年内");
        }
        if (plannedOn.isBefore(today())) {
            throw FormValues.invalid(field, label + "计划协商日期不能早于今天");
        }
    }

    public void approve(long planId, boolean approved, String comment, String actor) {
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回修改须写明意见");
        }
        plans.updateStatus(planId, approved ? PlanStatus.APPROVED : PlanStatus.DRAFTING, EngineClock.now());
        record(planId, approved ? "党组织审定通过" : "党组织退回修改", actor, comment);
    }

    /** The issuing office numbers the document (county: 县委办, for the joint document; township: 党政办). */
    public void issue(long planId, String documentNumber, String comment, String actor, String office) {
        plans.updateDocumentNumber(planId, documentNumber, EngineClock.now());
        record(planId, office + "签发：" + documentNumber, actor, comment);
    }

    /** 会签: 县政府办 and 县政协办 sign the joint document. */
    public void countersign(long planId, String comment, String actor, String office) {
        record(planId, office + "会签", actor, comment);
    }

    /** 发布: the plan is in force, its topics approved in it; their submitters and the organisers are told. */
    public void publish(long planId) {
        AnnualPlan plan = plan(planId);
        OffsetDateTime now = EngineClock.now();
        plans.markIssued(planId, now);
        for (PlanItem item : plans.items(planId)) {
            if (item.status() == PlanItemStatus.DRAFT) {
                plans.updateItem(item.id(), item.plannedOn(), PlanItemStatus.PLANNED);
                topicEntersPlan(plan, item.topicId(), item.plannedOn());
            }
        }
        String schedule = plans.items(planId).stream()
                .map(i -> DAY.format(i.plannedOn()) + "  " + topic(i.topicId()).title())
                .collect(Collectors.joining("\n"));
        notifications.toGroups(List.of(organiserGroup(plan), Role.PARTY.groupId(plan.placeCode())),
                Message.of(MessageTemplate.PLAN_ISSUED, null)
                        .with(Placeholder.PLAN, plan.title())
                        .with(Placeholder.DOCUMENT_NUMBER, plan.documentNumber())
                        .with(Placeholder.SCHEDULE, schedule));
        record(planId, "计划发布", null, plan.documentNumber());
    }

    private String organiserGroup(AnnualPlan plan) {
        return routing.groupFor(AnnualPlanProcess.TASK_SELECT_KEY_TOPICS, plan.placeCode());
    }

    /**
     * A topic joins an issued plan during the year (amendment, temporary topic, emergency follow-up):
     * it is approved in the plan, its submitter told, and the plan's schedule worked out again.
     */
    public void enterPlan(long planId, long topicId, LocalDate plannedOn, PlanItemOrigin origin, String actor) {
        AnnualPlan plan = plan(planId);
        if (plan.status() != PlanStatus.ISSUED) {
            throw new IllegalStateException(plan.title() + "当前为" + plan.status().label() + "，不能列入议题");
        }
        plans.item(planId, topicId).ifPresentOrElse(
                existing -> plans.replan(existing.id(), plannedOn, origin),
                () -> plans.insertItem(planId, topicId, plannedOn, PlanItemStatus.PLANNED, origin, EngineClock.now()));
        topicEntersPlan(plan, topicId, plannedOn);
        record(planId, origin.label() + "：" + topic(topicId).title(), actor, "计划协商日期 " + DAY.format(plannedOn));
        planChanged(planId);
    }

    private void topicEntersPlan(AnnualPlan plan, long topicId, LocalDate plannedOn) {
        Topic topic = topic(topicId);
        topics.updateStatus(topicId, TopicStatus.APPROVED, null, EngineClock.now());
        topicHistory.record(topicId, "列入" + plan.title(), null, "计划协商日期 " + DAY.format(plannedOn));
        runtimeService.createMessageCorrelation(TopicIntakeProcess.MESSAGE_TOPIC_PLANNED)
                .processInstanceBusinessKey(topic.number())
                .correlateAll();
    }

    /** The issued plan of {@code placeCode} for the year of {@code day}, which topics join during the year. */
    @Transactional(readOnly = true)
    public AnnualPlan issuedPlan(String placeCode, LocalDate day, String field) {
        Place place = organisation.place(placeCode);
        return plans.findByPlaceAndYear(placeCode, day.getYear())
                .filter(p -> p.status() == PlanStatus.ISSUED)
                .orElseThrow(() -> FormValues.invalid(field, place.name() + day.getYear() + "年度协商计划尚未发布或已结束，无法列入"));
    }

    /** Wakes the plan's schedule so it waits for the new earliest date. */
    void planChanged(long planId) {
        runtimeService.createSignalEvent(AnnualPlanProcess.SIGNAL_PLAN_AMENDED + planId).send();
    }

    /** When the plan's schedule wakes next: the earliest planned date still to start, else the year's end. */
    @Transactional(readOnly = true)
    public Date nextWakeUp(long planId) {
        AnnualPlan plan = plan(planId);
        LocalDate next = plans.items(planId).stream()
                .filter(i -> i.status() == PlanItemStatus.PLANNED)
                .map(PlanItem::plannedOn)
                .min(LocalDate::compareTo)
                .orElse(yearEnd(plan));
        return Date.from(next.atStartOfDay(FormValues.ZONE).toInstant());
    }

    /** Starts the consultation of every topic whose date has come; true once the plan's year is over. */
    public boolean launchDue(long planId) {
        AnnualPlan plan = plan(planId);
        LocalDate today = today();
        for (PlanItem item : plans.items(planId)) {
            if (item.status() == PlanItemStatus.PLANNED && !item.plannedOn().isAfter(today)) {
                Consultation consultation = launcher.launch(item.topicId(), plan.createdBy(), false);
                plans.markLaunched(item.id(), consultation.id());
                record(planId, "按计划启动协商：" + consultation.number(), null, topic(item.topicId()).title());
            }
        }
        boolean over = !today.isBefore(yearEnd(plan));
        if (over) {
            plans.updateStatus(planId, PlanStatus.COMPLETED, EngineClock.now());
            record(planId, "年度计划执行完毕", null, null);
        }
        return over;
    }

    private static LocalDate yearEnd(AnnualPlan plan) {
        return LocalDate.of(plan.planYear() + 1, 1, 1);
    }

    /** When the plan's year ends and it can no longer be amended: the boundary timer {@code Event_PlanYearEnded}. */
    @Transactional(readOnly = true)
    public Date yearEnd(long planId) {
        return Date.from(yearEnd(plan(planId)).atStartOfDay(FormValues.ZONE).toInstant());
    }

    static LocalDate today() {
        return EngineClock.now().atZoneSameInstant(FormValues.ZONE).toLocalDate();
    }

    void record(long planId, String action, String actor, String comment) {
        plans.insertEvent(planId, action, actor, comment, EngineClock.now());
    }
}

package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.config.NumberSequences;
import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationEnded;
import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.consultation.ConsultationLauncher;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * 应急处突: a sudden issue is consulted on at once (an emergency consultation, whose shortened time
 * limits come from the consultation's own deadline rules), and afterwards linked into the routine
 * plan (突发性协商转为常态化协商, 热事件冷处理) as a follow-up topic approved by the party organisation.
 */
@Service
@Transactional
public class EmergencyService {

    static final String CONVERSION_RETURNED = "党组织审定转入计划：退回";

    private final TopicRepository topics;
    private final TopicHistory history;
    private final NumberSequences numbers;
    private final OrganisationService organisation;
    private final ConsultationLauncher launcher;
    private final AnnualPlanService plans;
    private final PlanRepository planRepository;
    private final RuntimeService runtimeService;

    EmergencyService(TopicRepository topics, TopicHistory history, NumberSequences numbers,
            OrganisationService organisation, ConsultationLauncher launcher, AnnualPlanService plans,
            PlanRepository planRepository, RuntimeService runtimeService) {
        this.topics = topics;
        this.history = history;
        this.numbers = numbers;
        this.organisation = organisation;
        this.launcher = launcher;
        this.plans = plans;
        this.planRepository = planRepository;
        this.runtimeService = runtimeService;
    }

    public record Report(String title, String description, TopicSource source, String urgency) {
    }

    /** Registers the emergency's topic where it happened and starts its consultation at once. */
    public Consultation launch(Report r, String placeCode, String actor) {
        long topicId = register(r.title(), r.description(), r.source(), placeCode, actor, null);
        history.record(topicId, "应急处突：立即启动协商", actor, r.urgency());
        return launcher.launch(topicId, actor, true);
    }

    private long register(String title, String description, TopicSource source, String placeCode, String actor,
            Long followsTopicId) {
        Place place = organisation.place(placeCode);
        OffsetDateTime now = EngineClock.now();
        long id = topics.insert(new Topic(null, numbers.nextTopicNumber(), title, description, source, place.level(),
                placeCode, TopicStatus.PENDING_APPROVAL, null, actor, now, now));
        topics.updateOrigin(id, null, null, null, placeCode);
        boolean county = place.level().ordinal() <= PlaceLevel.COUNTY.ordinal();
        topics.route(id, (county ? ConsultationKind.CPPCC : ConsultationKind.GRASSROOTS).name(), placeCode,
                planPlace(place).code(), now);
        if (followsTopicId != null) {
            topics.updateFollows(id, followsTopicId);
        }
        return id;
    }

    /** Whose routine plan the follow-up joins: the county's, or the township's for a township or village. */
    private Place planPlace(Place place) {
        return place.level().ordinal() <= PlaceLevel.TOWNSHIP.ordinal() ? place
                : organisation.ancestorAtLevel(place.code(), PlaceLevel.TOWNSHIP);
    }

    /** The emergency consultation has ended: its emergency track goes on to the conversion. */
    @EventListener
    public void consultationEnded(ConsultationEnded ended) {
        runtimeService.createMessageCorrelation(EmergencyTopicProcess.MESSAGE_CONSULTATION_ENDED)
                .processInstanceVariableEquals(EmergencyTopicProcess.CONSULTATION_ID.name(), ended.consultationId())
                .correlateAll();
    }

    public record FollowUp(String title, String description, LocalDate plannedOn) {
    }

    /**
     * 转为常态化协商: a follow-up topic proposed into the routine plan on a date (kept as a draft item of
     * the issued plan until the party organisation approves), or not, with the reason.
     */
    public Optional<Long> convert(long emergencyTopicId, Long previousFollowUp, FollowUp followUp, String reason,
            String actor) {
        Topic emergency = topics.find(emergencyTopicId).orElseThrow();
        Place planPlace = planPlace(organisation.place(emergency.placeCode()));
        previousFollowUp(previousFollowUp, planPlace).ifPresent(planRepository::deleteItem);
        if (followUp == null) {
            if (reason == null) {
                throw FormValues.invalid("reason", "不转为常态化协商须写明理由");
            }
            if (previousFollowUp != null) {
                topics.updateStatus(previousFollowUp, TopicStatus.REJECTED, reason, EngineClock.now());
            }
            history.record(emergencyTopicId, "不转为常态化协商", actor, reason);
            return Optional.empty();
        }
        AnnualPlan plan = plans.issuedPlan(planPlace.code(), followUp.plannedOn(), "plannedOn");
        plans.checkDate(plan, followUp.plannedOn(), "plannedOn", "");
        long id;
        if (previousFollowUp == null) {
            id = register(followUp.title(), followUp.description(), emergency.source(), emergency.placeCode(), actor,
                    emergencyTopicId);
        } else {
            id = previousFollowUp;
            topics.updateContent(id, followUp.title(), followUp.description(), EngineClock.now());
        }
        planRepository.insertItem(plan.id(), id, followUp.plannedOn(), PlanItemStatus.DRAFT, PlanItemOrigin.EMERGENCY,
                EngineClock.now());
        history.record(emergencyTopicId, "提出转为常态化协商", actor, followUp.title() + "，拟列入" + plan.title());
        history.record(id, "应急协商转常态化，拟列入" + plan.title(), actor, reason);
        return Optional.of(id);
    }

    private Optional<Long> previousFollowUp(Long followUpId, Place planPlace) {
        if (followUpId == null) {
            return Optional.empty();
        }
        return planRepository.draftItemOf(planPlace.code(), followUpId).map(PlanItem::id);
    }

    public void decide(long followUpTopicId, boolean approved, String comment, String actor) {
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回须写明意见");
        }
        history.record(followUpTopicId, approved ? "党组织审定转入计划：同意" : CONVERSION_RETURNED, actor, comment);
    }

    /** The approved follow-up joins the routine plan. */
    public void link(long followUpTopicId) {
        Topic followUp = topics.find(followUpTopicId).orElseThrow();
        PlanItem draft = planRepository.draftItemOf(topics.details(followUpTopicId).planPlaceCode(), followUpTopicId)
                .orElseThrow(() -> new IllegalStateException("没有待列入计划的常态化协商议题：" + followUp.number()));
        plans.enterPlan(draft.planId(), followUpTopicId, draft.plannedOn(), PlanItemOrigin.EMERGENCY, followUp.createdBy());
    }
}

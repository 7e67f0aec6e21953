package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.config.NumberSequences;
import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.consultation.TopicDecision;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicDetails;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * 临时增加议题: the relevant special committee drafts the consultation plan, the chairpersons' meeting
 * reviews it, the county party committee approves it, and the topic joins the county's plan.
 */
@Service
@Transactional
public class TemporaryTopicService {

    static final String CHAIRS_RETURNED = "主席会议退回修改";
    static final String PARTY_RETURNED = "党组织审定：" + TopicDecision.REVISE.label();

    private final PlanRepository repository;
    private final TopicRepository topics;
    private final TopicHistory history;
    private final NumberSequences numbers;
    private final AnnualPlanService plans;
    private final NotificationService notifications;

    TemporaryTopicService(PlanRepository repository, TopicRepository topics, TopicHistory history, NumberSequences numbers,
            AnnualPlanService plans, NotificationService notifications) {
        this.repository = repository;
        this.topics = topics;
        this.history = history;
        this.numbers = numbers;
        this.plans = plans;
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public TemporaryTopic get(long id) {
        return repository.findTemporary(id).orElseThrow(() -> new NoSuchElementException("临时议题不存在：" + id));
    }

    @Transactional(readOnly = true)
    public Topic topicOf(TemporaryTopic t) {
        return plans.topic(t.topicId());
    }

    public record Proposal(String topicNumber, String title, String description, TopicSource source, String reason) {
    }

    /**
     * A temporary topic of the county: a new one, or an accepted candidate taken up by its number.
     * Either way it waits for the party committee's approval.
     */
    public TemporaryTopic propose(Proposal p, String countyCode, String actor) {
        OffsetDateTime now = EngineClock.now();
        long topicId;
        boolean fromCandidate = p.topicNumber() != null;
        if (fromCandidate) {
            Topic topic = topics.findByNumber(p.topicNumber().strip().toUpperCase())
                    .orElseThrow(() -> FormValues.invalid("topicNumber", "议题编号“" + p.topicNumber() + "”不存在"));
            TopicDetails details = topics.details(topic.id());
            if (topic.status() != TopicStatus.ACCEPTED || !countyCode.equals(details.planPlaceCode())) {
                throw FormValues.invalid("topicNumber", "只能临时增加本县已受理、待列入计划的议题（该议题当前为"
                        + topic.status().label() + "）");
            }
            topicId = topic.id();
        } else {
            if (p.title() == null || p.description() == null) {
                throw FormValues.invalid(p.title() == null ? "title" : "description",
                        "未填写已受理议题的编号时，须填写议题名称和议题内容");
            }
            topicId = topics.insert(new Topic(null, numbers.nextTopicNumber(), p.title(), p.description(), p.source(),
                    PlaceLevel.COUNTY, countyCode, TopicStatus.PENDING_APPROVAL, null, actor, now, now));
            topics.updateOrigin(topicId, null, null, null, countyCode);
            topics.route(topicId, ConsultationKind.CPPCC.name(), countyCode, countyCode, now);
        }
        topics.updateStatus(topicId, TopicStatus.PENDING_APPROVAL, null, now);
        long id = repository.insertTemporary(topicId, p.reason(), fromCandidate, actor, now);
        history.record(topicId, "提出临时增加议题", actor, p.reason());
        return get(id);
    }

    public record Draft(ConsultationForm form, LocalDate plannedOn, String participantsScope, String researchPlan) {
    }

    /** 协商议事方案: the planned date must fall in the year of an issued county plan. */
    public void draft(long id, Draft d, String countyCode, String actor) {
        AnnualPlan plan = plans.issuedPlan(countyCode, d.plannedOn(), "plannedOn");
        plans.checkDate(plan, d.plannedOn(), "plannedOn", "");
        repository.updateTemporaryDraft(id, d.form(), d.plannedOn(), d.participantsScope(), d.researchPlan(),
                EngineClock.now());
        history.record(get(id).topicId(), "专委会拟定协商议事方案", actor,
                d.form().label() + "，计划协商日期 " + AnnualPlanService.DAY.format(d.plannedOn()));
    }

    public void review(long id, boolean approved, String comment, String actor) {
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回修改须写明意见");
        }
        history.record(get(id).topicId(), approved ? "主席会议审核通过" : CHAIRS_RETURNED, actor, comment);
    }

    public void decide(long id, TopicDecision decision, String reason, String actor) {
        if (decision != TopicDecision.APPROVE && reason == null) {
            throw FormValues.invalid("reason", decision.label() + "须填写理由");
        }
        history.record(get(id).topicId(), "党组织审定：" + decision.label(), actor, reason);
    }

    /** The approved temporary topic joins the county's plan on its planned date. */
    public void addToPlan(long id) {
        TemporaryTopic t = get(id);
        Topic topic = topicOf(t);
        AnnualPlan plan = plans.issuedPlan(topic.placeCode(), t.plannedOn(), "plannedOn");
        plans.enterPlan(plan.id(), topic.id(), t.plannedOn(), PlanItemOrigin.TEMPORARY, t.createdBy());
    }

    /**
     * Not approved: a new topic is rejected with the reason; a candidate taken up goes back to the
     * candidates. The proposer is told.
     */
    public void rejected(long id) {
        TemporaryTopic t = get(id);
        Topic topic = topicOf(t);
        String reason = lastComment(topic.id(), "党组织审定：" + TopicDecision.REJECT.label());
        topics.updateStatus(topic.id(), t.fromCandidate() ? TopicStatus.ACCEPTED : TopicStatus.REJECTED,
                t.fromCandidate() ? null : reason, EngineClock.now());
        notifications.toUsers(List.of(t.createdBy()), Message.of(MessageTemplate.TEMPORARY_TOPIC_REJECTED, null)
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, topic.number())
                .with(Placeholder.REASON, reason));
    }

    @Transactional(readOnly = true)
    public String lastComment(long topicId, String action) {
        return history.lastComment(topicId, action);
    }
}

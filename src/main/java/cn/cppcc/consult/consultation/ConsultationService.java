package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.config.NumberSequences;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * A consultation from its topic to its close: approval of the topic, the implementation plan, the
 * participants and their approval. Every change is written with a timeline event, in the caller's
 * transaction (the engine's, when called from a process step).
 */
@Service
@Transactional
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final TopicRepository topics;
    private final ParticipantRepository participants;
    private final OrganisationService organisation;
    private final IdentityService identityService;
    private final NumberSequences numbers;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final StageDeadlines deadlines;

    ConsultationService(ConsultationRepository consultations, TopicRepository topics,
            ParticipantRepository participants, OrganisationService organisation, IdentityService identityService,
            NumberSequences numbers, Timeline timeline, ApplicationEventPublisher events, StageDeadlines deadlines) {
        this.timeline = timeline;
        this.events = events;
        this.deadlines = deadlines;
        this.consultations = consultations;
        this.topics = topics;
        this.participants = participants;
        this.organisation = organisation;
        this.identityService = identityService;
        this.numbers = numbers;
    }

    @Transactional(readOnly = true)
    public Consultation get(long id) {
        return consultations.find(id).orElseThrow(() -> new NoSuchElementException("协商不存在：" + id));
    }

    @Transactional(readOnly = true)
    public Consultation getByNumber(String number) {
        return consultations.findByNumber(number).orElseThrow(() -> new NoSuchElementException("协商不存在：" + number));
    }

    @Transactional(readOnly = true)
    public Topic topicOf(Consultation consultation) {
        return topics.find(consultation.topicId()).orElseThrow();
    }

    public record NewTopic(String title, String description, TopicSource source) {
    }

    /** Registers a topic raised at {@code placeCode} and opens its consultation, awaiting approval. */
    public Consultation register(NewTopic newTopic, String placeCode, String initiator, boolean emergency) {
        Place place = organisation.place(placeCode);
        OffsetDateTime now = EngineClock.now();
        long topicId = topics.insert(new Topic(null, numbers.nextTopicNumber(), newTopic.title(),
                newTopic.description(), newTopic.source(), place.level(), placeCode, TopicStatus.PENDING_APPROVAL,
                null, initiator, now, now));
        long id = insert(topicId, place, Stage.TOPIC_APPROVAL, emergency, initiator, now);
        record(id, Stage.TOPIC_APPROVAL, "发起协商", initiator, newTopic.title());
        return get(id);
    }

    /**
     * Opens the consultation of a topic already registered (from a plan, a temporary or an
     * emergency track). A topic the party organisation has approved goes straight to planning.
     */
    public Consultation open(long topicId, String initiator, boolean emergency) {
        Topic topic = topics.find(topicId).orElseThrow(() -> new NoSuchElementException("议题不存在：" + topicId));
        if (topic.status() != TopicStatus.APPROVED && topic.status() != TopicStatus.PENDING_APPROVAL) {
            throw new IllegalStateException("议题“" + topic.title() + "”当前为" + topic.status().label() + "，不能发起协商");
        }
        OffsetDateTime now = EngineClock.now();
        boolean approved = topic.status() == TopicStatus.APPROVED;
        long id = insert(topicId, organisation.place(topic.placeCode()), approved ? Stage.PLANNING : Stage.TOPIC_APPROVAL,
                emergency, initiator, now);
        if (approved) {
            topics.updateStatus(topicId, TopicStatus.IN_CONSULTATION, null, now);
        }
        record(id, Stage.TOPIC_APPROVAL, emergency ? "发起应急协商" : "发起协商", initiator, topic.title());
        return get(id);
    }

    private long insert(long topicId, Place place, Stage stage, boolean emergency, String initiator,
            OffsetDateTime now) {
        return consultations.insert(numbers.nextConsultationNumber(), topicId, place.code(), kindAt(place), stage,
                emergency, initiator, now, deadlines.dueFor(stage, place.code(), emergency, now));
    }

    /** The consultation leaves its stage for {@code stage}, whose limit starts now. */
    private void enterStage(long id, Stage stage, OffsetDateTime now) {
        Consultation consultation = get(id);
        if (consultation.stage() != stage) {
            consultations.updateStage(id, stage, now,
                    deadlines.dueFor(stage, consultation.placeCode(), consultation.emergency(), now));
        }
    }

    /** County level and above hold a CPPCC consultation; townships and villages a grassroots one. */
    static ConsultationKind kindAt(Place place) {
        return switch (place.level()) {
            case PROVINCE, CITY, COUNTY -> ConsultationKind.CPPCC;
            default -> ConsultationKind.GRASSROOTS;
        };
    }

    public void attachProcess(long id, String processInstanceId) {
        consultations.updateProcessInstance(id, processInstanceId);
    }

    public void decideTopic(long id, TopicDecision decision, String reason, String actor) {
        Consultation consultation = get(id);
        OffsetDateTime now = EngineClock.now();
        switch (decision) {
            case APPROVE -> {
                topics.updateStatus(consultation.topicId(), TopicStatus.IN_CONSULTATION, null, now);
                enterStage(id, Stage.PLANNING, now);
            }
            case REVISE -> topics.updateStatus(consultation.topicId(), TopicStatus.REVISING, null, now);
            case REJECT -> {
                topics.updateStatus(consultation.topicId(), TopicStatus.REJECTED, reason, now);
                consultations.close(id, Stage.REJECTED, now);
            }
        }
        record(id, Stage.TOPIC_APPROVAL, "审定议题：" + decision.label(), actor, reason);
        if (decision == TopicDecision.REJECT) {
            events.publishEvent(new ConsultationEnded(id, consultation.topicId(), Stage.REJECTED));
        }
    }

    public void reviseTopic(long id, String title, String description, String actor) {
        Consultation consultation = get(id);
        OffsetDateTime now = EngineClock.now();
        topics.updateContent(consultation.topicId(), title, description, now);
        topics.updateStatus(consultation.topicId(), TopicStatus.PENDING_APPROVAL, null, now);
        record(id, Stage.TOPIC_APPROVAL, "修改议题", actor, title);
    }

    public record Plan(ConsultationForm form, String host, String venue, OffsetDateTime scheduledAt,
            OffsetDateTime closingAt, boolean sensitive) {
    }

    public void plan(long id, Plan plan, String actor) {
        OffsetDateTime now = EngineClock.now();
        if (plan.form() == ConsultationForm.ONLINE) {
            if (plan.closingAt() == null) {
                throw FormValues.invalid("closingAt", "网络协商须填写意见征集截止时间");
            }
            if (!plan.closingAt().isAfter(now)) {
                throw FormValues.invalid("closingAt", "意见征集截止时间须晚于现在");
            }
        }
        if (plan.form() == ConsultationForm.MEETING && plan.venue() == null) {
            throw FormValues.invalid("venue", "会议协商须填写协商地点");
        }
        consultations.updatePlan(id, plan.form(), plan.host(), plan.venue(), plan.scheduledAt(),
                plan.form() == ConsultationForm.ONLINE ? plan.closingAt() : null, plan.sensitive(), now);
        enterStage(id, Stage.PARTICIPANTS, now);
        record(id, Stage.PLANNING, "制定实施方案：" + plan.form().label(), actor,
                "主持人：" + plan.host() + (plan.sensitive() ? "；涉及敏感问题" : ""));
    }

    /**
     * Draws up the participants by the stakeholder principle: a grassroots consultation must hear
     * ordinary citizens or stakeholders, not only cadres and members; a CPPCC consultation must have
     * CPPCC members.
     */
    public void setParticipants(long id, List<Participant> list, String actor) {
        Consultation consultation = get(id);
        if (list.isEmpty()) {
            throw FormValues.invalid("participants", "请至少填写一名参与人员");
        }
        if (consultation.kind() == ConsultationKind.GRASSROOTS && list.stream().noneMatch(
                p -> p.category() == ParticipantCategory.CITIZEN || p.category() == ParticipantCategory.STAKEHOLDER)) {
            throw FormValues.invalid("participants", "基层协商须有群众代表或利益相关方代表参加，避免变成干部与委员的协商");
        }
        if (consultation.kind() == ConsultationKind.CPPCC
                && list.stream().noneMatch(p -> p.category() == ParticipantCategory.MEMBER)) {
            throw FormValues.invalid("participants", "政协协商须有政协委员参加");
        }
        for (Participant p : list) {
            if (p.userId() != null && identityService.createUserQuery().userId(p.userId()).count() == 0) {
                throw FormValues.invalid("participants", "参与人员“" + p.name() + "”的账号“" + p.userId() + "”不存在");
            }
        }
        participants.replaceAll(id, list);
        record(id, Stage.PARTICIPANTS, "确定协商主体", actor, list.size() + "人");
    }

    public void approveParticipants(long id, boolean approved, String comment, String actor) {
        if (approved) {
            enterStage(id, Stage.RESEARCH, EngineClock.now());
        }
        record(id, Stage.PARTICIPANTS, approved ? "党组织认可参与人员" : "党组织不认可参与人员，退回调整", actor, comment);
    }

    public void acknowledgePreBriefing(long id, String guidance, String actor) {
        record(id, Stage.RESEARCH, "党组织听取敏感问题通报", actor, guidance);
    }

    /** The outcome of the consultation itself; next come the minutes. */
    public void conclude(long id, Outcome outcome, String summary, String actor) {
        OffsetDateTime now = EngineClock.now();
        consultations.updateOutcome(id, outcome, summary, now);
        enterStage(id, Stage.MINUTES, now);
        record(id, Stage.CONSULTING, "协商结果：" + outcome.label(), actor, summary);
    }

    public void close(long id) {
        Consultation consultation = get(id);
        OffsetDateTime now = EngineClock.now();
        consultations.close(id, Stage.CLOSED, now);
        topics.updateStatus(consultation.topicId(), TopicStatus.CLOSED, null, now);
        record(id, Stage.CLOSED, "结项归档", null, null);
        events.publishEvent(new ConsultationEnded(id, consultation.topicId(), Stage.CLOSED));
    }

    public void moveTo(long id, Stage stage) {
        enterStage(id, stage, EngineClock.now());
    }

    public void record(long id, Stage stage, String action, String actor, String comment) {
        timeline.record(id, stage, action, actor, comment);
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(long id) {
        return participants.findAll(id);
    }

    /** The written consultation's participants, one task each: {@code ${consultationService.participantIds(consultationId)}}. */
    @Transactional(readOnly = true)
    public List<Long> participantIds(long id) {
        return participants.findAll(id).stream().map(Participant::id).toList();
    }

    /** The participant's own account, or null: then the organiser enters the opinion for them. */
    @Transactional(readOnly = true)
    public String assigneeOf(long participantId) {
        return participants.find(participantId).map(Participant::userId).orElse(null);
    }

    /** When the online consultation closes: the timer {@code Event_OnlineConsultationClosed}. */
    @Transactional(readOnly = true)
    public Date onlineClosingTime(long id) {
        Consultation consultation = get(id);
        if (consultation.closingAt() == null) {
            throw new IllegalStateException("网络协商没有截止时间：" + consultation.number());
        }
        return Date.from(consultation.closingAt().toInstant());
    }
}

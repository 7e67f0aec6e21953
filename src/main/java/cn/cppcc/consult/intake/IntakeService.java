package cn.cppcc.consult.intake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.config.NumberSequences;
import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicDetails;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * Topic intake (议题征集) from every source: registration, screening, the rules' conclusions and
 * staff's decision, written with the topic's history in the caller's transaction (the engine's, when
 * called from a process step). Citizens' names and numbers go to the citizen table only.
 */
@Service
@Transactional
public class IntakeService {

    private final TopicRepository topics;
    private final ScreeningRepository screenings;
    private final CitizenRepository citizens;
    private final OrganisationService organisation;
    private final PlaceRepository places;
    private final NumberSequences numbers;
    private final ReceiptNumbers receipts;
    private final TopicHistory history;
    private final RuntimeService runtimeService;

    IntakeService(TopicRepository topics, ScreeningRepository screenings, CitizenRepository citizens,
            OrganisationService organisation, PlaceRepository places, NumberSequences numbers, ReceiptNumbers receipts,
            TopicHistory history, RuntimeService runtimeService) {
        this.topics = topics;
        this.screenings = screenings;
        this.citizens = citizens;
        this.organisation = organisation;
        this.places = places;
        this.numbers = numbers;
        this.receipts = receipts;
        this.history = history;
        this.runtimeService = runtimeService;
    }

    @Transactional(readOnly = true)
    public Topic topic(long id) {
        return topics.find(id).orElseThrow(() -> new NoSuchElementException("议题不存在：" + id));
    }

    @Transactional(readOnly = true)
    public Topic topicByNumber(String number) {
        return topics.findByNumber(number).orElseThrow(() -> new NoSuchElementException("议题不存在：" + number));
    }

    @Transactional(readOnly = true)
    public TopicDetails details(long id) {
        return topics.details(id);
    }

    @Transactional(readOnly = true)
    public Screening screening(long topicId) {
        return screenings.find(topicId).orElseThrow(() -> new IllegalStateException("议题尚未初审：" + topicId));
    }

    /** A topic from party and government, a member, a participating unit or an offline collection. */
    public record StaffTopic(String title, String description, TopicSource source, PlaceLevel sourceLevel,
            String proposer, Integer affectedCount) {
    }

    public Topic registerStaffTopic(StaffTopic t, String placeCode, String initiator) {
        if (t.source() == TopicSource.ONLINE) {
            throw FormValues.invalid("source", "网络征题由群众在议题征集页面提交，工作人员请选择其他来源");
        }
        Topic topic = insert(t.title(), t.description(), t.source(), t.sourceLevel(), placeCode, initiator);
        topics.updateOrigin(topic.id(), null, t.proposer(), t.affectedCount(), placeCode);
        history.record(topic.id(), "登记议题：" + t.source().label(), initiator,
                t.sourceLevel().label() + "级" + (t.proposer() == null ? "" : "；提出：" + t.proposer()));
        return topic(topic.id());
    }

    public record Receipt(String receiptNumber, String topicNumber, TopicStatus status) {
    }

    /**
     * 网络征题: the citizen is stored once (citizen table), the topic refers to them by id, and the
     * intake process starts holding the topic's id only.
     */
    public Receipt submitOnline(OnlineSubmission s) {
        Place township = places.find(s.townshipCode())
                .filter(p -> p.level() == PlaceLevel.TOWNSHIP)
                .orElseThrow(() -> FormValues.invalid("township", "所选乡镇（街道）不存在"));
        Place place = township;
        if (s.villageCode() != null) {
            place = places.find(s.villageCode())
                    .filter(p -> p.level() == PlaceLevel.VILLAGE && township.code().equals(p.parentCode()))
                    .orElseThrow(() -> FormValues.invalid("village", "所选村（社区）不属于该乡镇（街道）"));
        }
        OffsetDateTime now = EngineClock.now();
        Topic topic = insert(s.title(), s.description(), TopicSource.ONLINE, place.level(), place.code(), null);
        String receipt = uniqueReceipt(topic.id(), s.affectedCount(), place.code());
        long citizenId = citizens.insert(s.name(), s.mobile(), now);
        citizens.link(topic.id(), citizenId, CitizenRelation.RAISED);
        history.record(topic.id(), "网络征题", null, place.name() + "；涉及群众" + s.affectedCount() + "人");
        start(topic);
        return new Receipt(receipt, topic.number(), TopicStatus.SUBMITTED);
    }

    /**
     * A receipt number not yet given out (checked first: on PostgreSQL a failed insert would abort the
     * whole transaction); the unique index still guards against two nodes drawing the same one at once.
     */
    private String uniqueReceipt(long topicId, int affectedCount, String placeCode) {
        String receipt = receipts.next();
        while (topics.receiptTaken(receipt)) {
            receipt = receipts.next();
        }
        topics.updateOrigin(topicId, receipt, null, affectedCount, placeCode);
        return receipt;
    }

    private Topic insert(String title, String description, TopicSource source, PlaceLevel sourceLevel,
            String placeCode, String createdBy) {
        organisation.place(placeCode);
        OffsetDateTime now = EngineClock.now();
        long id = topics.insert(new Topic(null, numbers.nextTopicNumber(), title, description, source, sourceLevel,
                placeCode, TopicStatus.SUBMITTED, null, createdBy, now, now));
        return topic(id);
    }

    /** Starts the intake of a topic registered outside Tasklist: business key = the topic's number. */
    private void start(Topic topic) {
        runtimeService.createProcessInstanceByKey(TopicIntakeProcess.KEY)
                .businessKey(topic.number())
                .setVariable(TopicIntakeProcess.TOPIC_ID.name(), topic.id())
                .execute();
    }

    /** What the screener found (初审). */
    public record Findings(String occurrencePlaceCode, PlaceLevel resolutionLevel, boolean inLitigation,
            boolean inPetitionSystem, boolean individualOnly, boolean settledByPolicy, String note) {
    }

    public void screen(long topicId, Findings f, String actor) {
        if (screeningScope(topicId).stream().noneMatch(p -> p.code().equals(f.occurrencePlaceCode()))) {
            throw FormValues.invalid("occurrencePlace", "问题发生地须在本级受理范围内");
        }
        OffsetDateTime now = EngineClock.now();
        topics.updateOccurrence(topicId, f.occurrencePlaceCode(), now);
        screenings.saveFindings(new Screening(topicId, f.resolutionLevel(), f.inLitigation(), f.inPetitionSystem(),
                f.individualOnly(), f.settledByPolicy(), f.note(), actor, now, null, null, null, null, null, false, null,
                null));
        List<String> found = new ArrayList<>();
        if (f.inLitigation()) {
            found.add("涉法涉诉");
        }
        if (f.inPetitionSystem()) {
            found.add("已纳入信访");
        }
        if (f.individualOnly()) {
            found.add("仅涉及个人");
        }
        if (f.settledByPolicy()) {
            found.add("党委政府已有明确规定");
        }
        history.record(topicId, "初审议题", actor, "发生地：" + organisation.place(f.occurrencePlaceCode()).name()
                + "；需" + f.resolutionLevel().label() + "级解决；" + (found.isEmpty() ? "未发现不予受理情形"
                : "发现：" + String.join("、", found)) + (f.note() == null ? "" : "；" + f.note()));
    }

    /**
     * The places a topic may be found to occur in: the screening office's own area (a village's topic
     * is screened by its township, so any place of that township).
     */
    @Transactional(readOnly = true)
    public List<Place> screeningScope(long topicId) {
        Place raised = organisation.place(topic(topicId).placeCode());
        Place root = raised.level() == PlaceLevel.VILLAGE || raised.level() == PlaceLevel.INSTITUTION
                ? organisation.place(raised.parentCode()) : raised;
        List<Place> scope = new ArrayList<>();
        collect(root, scope);
        return scope;
    }

    private void collect(Place place, List<Place> into) {
        into.add(place);
        places.findChildren(place.code()).forEach(child -> collect(child, into));
    }

    @Transactional(readOnly = true)
    public PlaceLevel occurrenceLevel(long topicId) {
        return organisation.place(topics.details(topicId).occurrencePlaceCode()).level();
    }

    public void recordScreeningRule(long topicId, ScreeningOutcome outcome, String reason) {
        screenings.saveScreeningRule(topicId, outcome, reason);
        history.record(topicId, "选题原则初筛：" + outcome.label(), null, reason);
    }

    public void recordLevelRule(long topicId, LevelOutcome outcome) {
        screenings.saveLevelRule(topicId, outcome);
        history.record(topicId, "层级分类：" + outcome.label(), null, null);
    }

    public record Decision(IntakeDecision decision, ConsultationKind kind, String reason) {
    }

    /** What was decided: the reason kept, and whether it went against a rule's conclusion. */
    public record Decided(IntakeDecision decision, ConsultationKind kind, String reason, boolean overridden) {
    }

    /**
     * 研判受理. Staff decide on every topic; going against a rule's conclusion (accepting what the
     * screening rules reject, or choosing another level than the level rules' CPPCC or GRASSROOTS)
     * needs a written reason, which is kept with the topic and in the engine's history.
     */
    public Decided decide(long topicId, Decision d, String actor) {
        Screening s = screening(topicId);
        boolean overridden = false;
        String reason = d.reason();
        if (d.decision() == IntakeDecision.REJECT) {
            if (reason == null && s.screeningRule() == ScreeningOutcome.REJECT) {
                reason = s.screeningRuleReason();
            }
            if (reason == null) {
                throw FormValues.invalid("reason", "不予受理须写明理由，理由将告知提出人");
            }
        } else {
            if (d.kind() == null) {
                throw FormValues.invalid("consultationKind", "受理议题须选择协商层级");
            }
            if (s.screeningRule() == ScreeningOutcome.REJECT) {
                overridden = true;
                if (reason == null) {
                    throw FormValues.invalid("reason", "选题规则结论为不予受理（" + s.screeningRuleReason()
                            + "），改判受理须写明理由");
                }
            }
            if (s.levelRule() != null && s.levelRule() != LevelOutcome.EITHER && !s.levelRule().name().equals(d.kind().name())) {
                overridden = true;
                if (reason == null) {
                    throw FormValues.invalid("reason", "层级规则结论为" + s.levelRule().label() + "，改为"
                            + d.kind().label() + "须写明理由");
                }
            }
        }
        OffsetDateTime now = EngineClock.now();
        if (d.decision() == IntakeDecision.ACCEPT) {
            route(topicId, d.kind(), now);
        } else {
            topics.updateStatus(topicId, TopicStatus.REJECTED, reason, now);
        }
        screenings.saveDecision(topicId, d.decision(), reason, overridden, actor, now);
        String action = (overridden ? "改判：" : "研判：") + d.decision().label()
                + (d.kind() == null || d.decision() == IntakeDecision.REJECT ? "" : "（" + d.kind().label() + "）");
        history.record(topicId, action, actor, reason);
        return new Decided(d.decision(), d.decision() == IntakeDecision.ACCEPT ? d.kind() : null, reason, overridden);
    }

    /**
     * An accepted topic goes where it is consulted on: a CPPCC consultation at the county, waiting
     * for the county's plan; a grassroots one where it occurs, waiting for its township's plan.
     */
    private void route(long topicId, ConsultationKind kind, OffsetDateTime now) {
        Place occurrence = organisation.place(topics.details(topicId).occurrencePlaceCode());
        boolean countyOrAbove = occurrence.level().ordinal() <= PlaceLevel.COUNTY.ordinal();
        Place consultationPlace;
        Place planPlace;
        if (kind == ConsultationKind.CPPCC) {
            consultationPlace = countyOrAbove ? occurrence : organisation.ancestorAtLevel(occurrence.code(), PlaceLevel.COUNTY);
            planPlace = consultationPlace;
        } else {
            if (countyOrAbove) {
                throw FormValues.invalid("consultationKind", "该议题发生在" + occurrence.name()
                        + "（县级及以上），不能列为基层协商；请列为政协协商，或不予受理后按具体乡镇、村重新提交");
            }
            consultationPlace = occurrence;
            try {
                planPlace = occurrence.level() == PlaceLevel.TOWNSHIP ? occurrence
                        : organisation.ancestorAtLevel(occurrence.code(), PlaceLevel.TOWNSHIP);
            } catch (NoSuchElementException e) {
                throw FormValues.invalid("consultationKind", occurrence.name() + "不属于任何乡镇，不能列为基层协商");
            }
        }
        topics.route(topicId, kind.name(), consultationPlace.code(), planPlace.code(), now);
        topics.updateStatus(topicId, TopicStatus.ACCEPTED, null, now);
    }
}

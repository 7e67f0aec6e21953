package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Participant;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.participation.OpinionEvent.Action;
import cn.cppcc.consult.process.EngineClock;

/**
 * Opinions posted to an open online consultation by registered people, marked with the role they
 * were invited in; support for others' opinions; edits until the closing time; the host's
 * moderation (hidden with a reason, kept with its history, shown to its author, never deleted);
 * and, once the consultation has closed, its opinions with their support as the minutes read them.
 */
@Service
@Transactional
public class OnlineOpinions {

    /** How many of the most supported opinions the minutes list again on their own. */
    static final int MOST_SUPPORTED = 10;
    static final int REASON_MAX = 200;

    private final OnlineOpinionRepository opinions;
    private final OnlineConsultations online;
    private final Invitations invitations;
    private final ConsultationService consultations;
    private final OnlineProperties properties;

    OnlineOpinions(OnlineOpinionRepository opinions, OnlineConsultations online, Invitations invitations,
            ConsultationService consultations, OnlineProperties properties) {
        this.opinions = opinions;
        this.online = online;
        this.invitations = invitations;
        this.consultations = consultations;
        this.properties = properties;
    }

    // ---- participants

    public long post(long consultationId, Person person, String content) {
        String text = checkContent(content);
        online.requireOpen(consultationId);
        long mine = opinions.countOf(consultationId, person.citizenId());
        if (mine >= properties.getOpinionsPerPerson()) {
            throw Refusal.tooMany("每人在本次协商中最多发表" + properties.getOpinionsPerPerson() + "条意见，您已发表" + mine
                    + "条；可以修改已发表的意见");
        }
        if (opinions.count(consultationId) >= properties.getOpinionsPerConsultation()) {
            throw Refusal.tooMany("本次协商收到的意见已达上限（" + properties.getOpinionsPerConsultation() + "条），不再接受新意见");
        }
        Optional<Invitation> invitation = invitations.of(consultationId, person);
        OffsetDateTime now = EngineClock.now();
        String actor = NotificationService.citizenRecipient(person.citizenId());
        long id = opinions.insert(consultationId, invitation.map(Invitation::participantId).orElse(null),
                person.citizenId(), person.maskedName(), invitation.map(Invitation::role).orElse(OnlineRole.PUBLIC),
                text, actor, now);
        opinions.insertEvent(id, Action.POSTED, text, null, actor, now);
        return id;
    }

    /** The author changes the text until the closing time; the text before is kept in the history. */
    public void edit(long opinionId, Person person, String content) {
        String text = checkContent(content);
        OnlineOpinion opinion = find(opinionId);
        if (opinion.citizenId() == null || opinion.citizenId() != person.citizenId()) {
            throw Refusal.forbidden("只能修改自己发表的意见");
        }
        online.requireOpen(opinion.consultationId());
        if (opinion.hidden()) {
            throw Refusal.conflict("该意见已被主持人屏蔽，不能修改；理由：" + opinion.hiddenReason());
        }
        if (opinion.content().equals(text)) {
            return;
        }
        Optional<Invitation> invitation = invitations.of(opinion.consultationId(), person);
        OffsetDateTime now = EngineClock.now();
        opinions.updateContent(opinionId, text, invitation.map(Invitation::role).orElse(OnlineRole.PUBLIC),
                invitation.map(Invitation::participantId).orElse(null), now);
        opinions.insertEvent(opinionId, Action.EDITED, opinion.content(), null,
                NotificationService.citizenRecipient(person.citizenId()), now);
    }

    public void support(long opinionId, Person person) {
        OnlineOpinion opinion = supportable(opinionId, person);
        opinions.support(opinion.id(), person.citizenId(), EngineClock.now());
    }

    public void withdrawSupport(long opinionId, Person person) {
        OnlineOpinion opinion = supportable(opinionId, person);
        opinions.withdrawSupport(opinion.id(), person.citizenId());
    }

    private OnlineOpinion supportable(long opinionId, Person person) {
        OnlineOpinion opinion = find(opinionId);
        online.requireOpen(opinion.consultationId());
        if (opinion.hidden()) {
            throw Refusal.conflict("该意见已被主持人屏蔽");
        }
        if (opinion.citizenId() != null && opinion.citizenId() == person.citizenId()) {
            throw Refusal.conflict("不能支持自己的意见");
        }
        return opinion;
    }

    public record ForPublic(List<OnlineOpinion> visible, Set<Long> supported, List<OnlineOpinion> mineHidden,
            long mine) {
    }

    /** What the public page shows: visible opinions; for a signed-in person also what they support and their hidden opinions, with why. */
    @Transactional(readOnly = true)
    public ForPublic forPublic(long consultationId, Optional<Person> person) {
        List<OnlineOpinion> all = opinions.findAll(consultationId);
        List<OnlineOpinion> visible = all.stream().filter(o -> !o.hidden()).toList();
        if (person.isEmpty()) {
            return new ForPublic(visible, Set.of(), List.of(), 0);
        }
        long citizenId = person.get().citizenId();
        List<OnlineOpinion> mine = all.stream().filter(o -> o.citizenId() != null && o.citizenId() == citizenId).toList();
        return new ForPublic(visible, opinions.supportedBy(consultationId, citizenId),
                mine.stream().filter(OnlineOpinion::hidden).toList(), mine.size());
    }

    // ---- the host

    /** Hides an opinion from the public page with a reason; it stays, with its history, and its author sees why. */
    public void hide(long opinionId, String reason, String actor) {
        OnlineOpinion opinion = find(opinionId);
        String why = checkReason(reason, "请填写屏蔽理由（将告知意见作者）");
        if (opinion.hidden()) {
            throw Refusal.conflict("该意见已屏蔽");
        }
        opinions.updateHidden(opinionId, true, why);
        opinions.insertEvent(opinionId, Action.HIDDEN, null, why, actor, EngineClock.now());
        consultations.record(opinion.consultationId(), Stage.CONSULTING, "屏蔽网络意见", actor,
                opinion.authorName() + "：" + why);
    }

    public void restore(long opinionId, String reason, String actor) {
        OnlineOpinion opinion = find(opinionId);
        String why = checkReason(reason, "请填写恢复显示的理由");
        if (!opinion.hidden()) {
            throw Refusal.conflict("该意见未被屏蔽");
        }
        opinions.updateHidden(opinionId, false, null);
        opinions.insertEvent(opinionId, Action.RESTORED, null, why, actor, EngineClock.now());
        consultations.record(opinion.consultationId(), Stage.CONSULTING, "恢复显示网络意见", actor,
                opinion.authorName() + "：" + why);
    }

    @Transactional(readOnly = true)
    public List<OnlineOpinion> all(long consultationId) {
        return opinions.findAll(consultationId);
    }

    @Transactional(readOnly = true)
    public List<OpinionEvent> history(long consultationId) {
        return opinions.history(consultationId);
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> visibleCounts(List<Long> consultationIds) {
        return opinions.visibleCounts(consultationIds);
    }

    @Transactional(readOnly = true)
    public OnlineOpinion find(long opinionId) {
        return opinions.find(opinionId).orElseThrow(() -> Refusal.notFound("没有找到这条意见"));
    }

    // ---- the minutes

    /**
     * The consultation's online opinions as those summing up and writing the minutes read them:
     * counts, then every counted opinion grouped by the role it was posted in (most supported
     * first), the most supported on their own, and the hidden ones with why (not counted).
     * Invited participants appear by the name on the participant list; everyone else masked.
     */
    @Transactional(readOnly = true)
    public String minutesSummary(long consultationId) {
        Consultation c = consultations.get(consultationId);
        List<OnlineOpinion> all = opinions.findAll(consultationId);
        List<OnlineOpinion> counted = all.stream().filter(o -> !o.hidden()).toList();
        List<OnlineOpinion> hidden = all.stream().filter(OnlineOpinion::hidden).toList();
        Map<Long, String> names = consultations.participants(consultationId).stream()
                .collect(Collectors.toMap(Participant::id, Participant::name));
        Function<OnlineOpinion, String> author = o -> o.participantId() != null && names.containsKey(o.participantId())
                ? names.get(o.participantId()) : o.authorName();
        Map<OnlineRole, List<OnlineOpinion>> byRole = counted.stream()
                .collect(Collectors.groupingBy(OnlineOpinion::authorRole, () -> new EnumMap<>(OnlineRole.class),
                        Collectors.toList()));
        StringBuilder s = new StringBuilder("网络协商截至").append(OnlineWindow.time(c.closingAt()));
        if (counted.isEmpty()) {
            s.append("未收到有效意见。");
        } else {
            s.append("共收到意见").append(counted.size()).append("条，其中")
                    .append(byRole.entrySet().stream().map(e -> e.getKey().label() + e.getValue().size() + "条")
                            .collect(Collectors.joining("、")))
                    .append("；共获支持").append(counted.stream().mapToLong(OnlineOpinion::supports).sum()).append("次。");
        }
        if (!hidden.isEmpty()) {
            s.append("另有").append(hidden.size()).append("条被主持人屏蔽，未计入。");
        }
        List<String> sections = new ArrayList<>();
        if (!counted.isEmpty()) {
            Comparator<OnlineOpinion> bySupport = Comparator.comparingLong(OnlineOpinion::supports).reversed()
                    .thenComparing(OnlineOpinion::createdAt);
            StringBuilder grouped = new StringBuilder("按身份分组（组内按支持数排列）");
            for (Map.Entry<OnlineRole, List<OnlineOpinion>> group : byRole.entrySet()) {
                grouped.append("\n【").append(group.getKey().label()).append("】").append(group.getValue().size()).append("条");
                List<OnlineOpinion> list = group.getValue().stream().sorted(bySupport).toList();
                for (int i = 0; i < list.size(); i++) {
                    OnlineOpinion o = list.get(i);
                    grouped.append("\n  ").append(i + 1).append(". ").append(author.apply(o)).append("：")
                            .append(oneLine(o.content())).append("（支持").append(o.supports()).append("）");
                }
            }
            sections.add(grouped.toString());
            List<OnlineOpinion> supported = counted.stream().filter(o -> o.supports() > 0).sorted(bySupport)
                    .limit(MOST_SUPPORTED).toList();
            if (!supported.isEmpty()) {
                StringBuilder top = new StringBuilder("支持最多的意见");
                for (int i = 0; i < supported.size(); i++) {
                    OnlineOpinion o = supported.get(i);
                    top.append("\n  ").append(i + 1).append("）支持").append(o.supports()).append("次｜")
                            .append(author.apply(o)).append("（").append(o.authorRole().label()).append("）：")
                            .append(oneLine(o.content()));
                }
                sections.add(top.toString());
            }
        }
        if (!hidden.isEmpty()) {
            StringBuilder removed = new StringBuilder("被屏蔽的意见（未计入）");
            for (OnlineOpinion o : hidden) {
                removed.append("\n  - ").append(author.apply(o)).append("（").append(o.authorRole().label()).append("）：")
                        .append(oneLine(o.content())).append("｜屏蔽理由：").append(o.hiddenReason());
            }
            sections.add(removed.toString());
        }
        String[] numerals = {"一", "二", "三"};
        for (int i = 0; i < sections.size(); i++) {
            s.append("\n\n").append(numerals[i]).append("、").append(sections.get(i));
        }
        return s.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private String checkContent(String content) {
        String text = content == null ? "" : content.strip();
        if (text.length() < 2) {
            throw Refusal.invalid("请填写意见内容（至少2个字）");
        }
        if (text.length() > properties.getOpinionMaxLength()) {
            throw Refusal.invalid("意见不能超过" + properties.getOpinionMaxLength() + "字，当前" + text.length() + "字");
        }
        return text;
    }

    private static String checkReason(String reason, String missing) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refusal.invalid(missing);
        }
        if (why.length() > REASON_MAX) {
            throw Refusal.invalid("理由不能超过" + REASON_MAX + "字");
        }
        return why;
    }
}

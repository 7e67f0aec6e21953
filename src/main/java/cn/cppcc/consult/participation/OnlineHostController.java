package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Participant;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.participation.Invitations.Pushed;
import cn.cppcc.consult.security.StaffContext;

/**
 * The host's page for online consultations ({@code /app/online.html}): publish the background
 * material, push the link to members and participants, and moderate opinions (hide with a reason,
 * restore), seeing every opinion with its history. For the host and the organiser of the
 * consultation's place and for administrators.
 */
@RestController
public class OnlineHostController {

    static final String BASE = "/api/online";

    private final OnlineConsultations online;
    private final OnlineOpinions opinions;
    private final Invitations invitations;
    private final ConsultationService consultations;
    private final OrganisationService organisation;
    private final OnlineLinks links;

    OnlineHostController(OnlineConsultations online, OnlineOpinions opinions, Invitations invitations,
            ConsultationService consultations, OrganisationService organisation, OnlineLinks links) {
        this.online = online;
        this.opinions = opinions;
        this.invitations = invitations;
        this.consultations = consultations;
        this.organisation = organisation;
        this.links = links;
    }

    public record Row(String number, String title, String placeName, OffsetDateTime closingAt, String stage,
            long opinions) {
    }

    @GetMapping(BASE + "/consultations")
    public List<Row> hosted() {
        List<Consultation> list = online.hostedBy(StaffContext.currentGroupIds(), admin());
        Map<Long, Long> counts = opinions.visibleCounts(list.stream().map(Consultation::id).toList());
        return list.stream().map(c -> new Row(c.number(), consultations.topicOf(c).title(),
                organisation.place(c.placeCode()).name(), c.closingAt(), c.stage().label(),
                counts.getOrDefault(c.id(), 0L))).toList();
    }

    public record EventView(String action, String content, String reason, String actor, OffsetDateTime at) {
    }

    public record OpinionRow(long id, String author, String role, String content, boolean hidden, String hiddenReason,
            long supports, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<EventView> history) {
    }

    public record InvitationRow(String name, String role, boolean reachable, OffsetDateTime invitedAt) {
    }

    public record WithoutAccount(long participantId, String name, String category, boolean invited) {
    }

    public record Detail(String number, String title, String placeName, OffsetDateTime closingAt, String stage,
            boolean open, String link, String material, OffsetDateTime materialPublishedAt,
            List<InvitationRow> invitations, List<WithoutAccount> withoutAccount, List<OpinionRow> opinions) {
    }

    @GetMapping(BASE + "/consultations/{number}")
    public Detail detail(@PathVariable String number) {
        Consultation c = hosted(number);
        List<Invitation> invited = invitations.all(c.id());
        Set<Long> invitedParticipants = invited.stream().map(Invitation::participantId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<Participant> participants = consultations.participants(c.id());
        Map<Long, String> participantNames = participants.stream().collect(Collectors.toMap(Participant::id, Participant::name));
        Map<Long, List<OpinionEvent>> history = opinions.history(c.id()).stream()
                .collect(Collectors.groupingBy(OpinionEvent::opinionId));
        var material = online.material(c.id());
        return new Detail(c.number(), consultations.topicOf(c).title(), organisation.place(c.placeCode()).name(),
                c.closingAt(), c.stage().label(), online.window(c) == OnlineWindow.OPEN, links.consultation(c.number()),
                material.map(OnlineConsultationRepository.Material::content).orElse(null),
                material.map(OnlineConsultationRepository.Material::publishedAt).orElse(null),
                invited.stream().map(i -> new InvitationRow(
                        i.userId() != null ? organisation.nameOf(i.userId())
                                : participantNames.getOrDefault(i.participantId(), ""),
                        i.role().label(), invitations.mobileOf(i).isPresent(), i.invitedAt())).toList(),
                participants.stream().filter(p -> p.userId() == null || p.userId().isBlank())
                        .map(p -> new WithoutAccount(p.id(), p.name(), p.category().label(), invitedParticipants.contains(p.id())))
                        .toList(),
                opinions.all(c.id()).stream().map(o -> new OpinionRow(o.id(),
                        o.participantId() != null ? participantNames.getOrDefault(o.participantId(), o.authorName())
                                : o.authorName(),
                        o.authorRole().label(), o.content(), o.hidden(), o.hiddenReason(), o.supports(), o.createdAt(),
                        o.updatedAt(), history.getOrDefault(o.id(), List.of()).stream()
                                .map(e -> new EventView(e.action().label(), e.content(), e.reason(), actorName(e.actor()),
                                        e.occurredAt()))
                                .toList()))
                        .toList());
    }

    public record Material(String content) {
    }

    @PutMapping(BASE + "/consultations/{number}/material")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void publish(@PathVariable String number, @RequestBody Material request) {
        online.publishMaterial(hosted(number).id(), request.content(), me());
    }

    public record Invite(boolean allMembers) {
    }

    @PostMapping(BASE + "/consultations/{number}/invitations")
    public Pushed invite(@PathVariable String number, @RequestBody Invite request) {
        return invitations.inviteAccounts(hosted(number).id(), request.allMembers(), me());
    }

    public record InviteByMobile(long participantId, String mobile) {
    }

    @PostMapping(BASE + "/consultations/{number}/invitations/by-mobile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void inviteByMobile(@PathVariable String number, @RequestBody InviteByMobile request) {
        invitations.inviteByMobile(hosted(number).id(), request.participantId(), request.mobile(), me());
    }

    public record Reason(String reason) {
    }

    @PostMapping(BASE + "/opinions/{id}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void hide(@PathVariable long id, @RequestBody Reason request) {
        OnlineOpinion opinion = opinions.find(id);
        requireHost(consultations.get(opinion.consultationId()));
        opinions.hide(id, request.reason(), me());
    }

    @PostMapping(BASE + "/opinions/{id}/restore")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void restore(@PathVariable long id, @RequestBody Reason request) {
        OnlineOpinion opinion = opinions.find(id);
        requireHost(consultations.get(opinion.consultationId()));
        opinions.restore(id, request.reason(), me());
    }

    private Consultation hosted(String number) {
        return requireHost(online.get(number));
    }

    private Consultation requireHost(Consultation c) {
        if (!admin() && !online.hosts(StaffContext.currentGroupIds(), c)) {
            throw Refusal.forbidden("只有本次协商的主持人和组织单位可以管理网络协商");
        }
        return c;
    }

    private static boolean admin() {
        return StaffContext.currentGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    private static String me() {
        return StaffContext.currentUserId().orElseThrow(() -> Refusal.forbidden("请先登录"));
    }

    private String actorName(String actor) {
        if (actor == null) {
            return "";
        }
        return NotificationService.citizenOf(actor).isPresent() ? "作者本人" : organisation.nameOf(actor);
    }
}

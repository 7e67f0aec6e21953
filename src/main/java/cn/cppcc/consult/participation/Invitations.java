package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Participant;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.notification.StaffContacts;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.topic.Topic;

/**
 * Pushing an online consultation's link to CPPCC members and invited participants (通过短信、平台
 * 推送链接), and telling, when someone posts, in which role they were invited.
 *
 * <p>The link is the consultation's public page; what marks an opinion with a role is the mobile
 * number the person confirmed when registering: it must be the number an invited staff account
 * receives messages on (消息接收设置), or the number the host entered for an invited participant
 * without an account. A forwarded link therefore gives nobody else a role, and members may forward
 * it to the public as the consultation wants.
 */
@Service
@Transactional
public class Invitations {

    private final InvitationRepository invitations;
    private final ConsultationService consultations;
    private final OrganisationService organisation;
    private final NotificationService notifications;
    private final StaffContacts contacts;
    private final CitizenRepository citizens;
    private final OnlineLinks links;
    private final OnlineConsultations online;

    Invitations(InvitationRepository invitations, ConsultationService consultations, OrganisationService organisation,
            NotificationService notifications, StaffContacts contacts, CitizenRepository citizens, OnlineLinks links,
            OnlineConsultations online) {
        this.invitations = invitations;
        this.consultations = consultations;
        this.organisation = organisation;
        this.notifications = notifications;
        this.contacts = contacts;
        this.citizens = citizens;
        this.links = links;
        this.online = online;
    }

    public record Pushed(int invited, int alreadyInvited) {
    }

    /**
     * Invites the consultation's participants who have an account and, if {@code allMembers}, every
     * CPPCC member resident where it is held (a village's: its township's); each once, by inbox,
     * e-mail and text message as each chose.
     */
    public Pushed inviteAccounts(long consultationId, boolean allMembers, String actor) {
        Consultation c = invitable(consultationId);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Participant p : consultations.participants(consultationId)) {
            if (p.userId() != null && !p.userId().isBlank()) {
                targets.putIfAbsent(p.userId(), new Target(OnlineRole.of(p.category()), p.id()));
            }
        }
        if (allMembers) {
            for (String userId : notifications.membersOf(List.of(Role.MEMBER.groupId(residence(c.placeCode()).code())))) {
                targets.putIfAbsent(userId, new Target(OnlineRole.MEMBER, null));
            }
        }
        OffsetDateTime now = EngineClock.now();
        Map<OnlineRole, List<String>> invitedByRole = new LinkedHashMap<>();
        targets.forEach((userId, target) -> {
            if (invitations.insertForUser(consultationId, target.role(), target.participantId(), userId, actor, now)) {
                invitedByRole.computeIfAbsent(target.role(), r -> new ArrayList<>()).add(userId);
            }
        });
        invitedByRole.forEach((role, users) -> notifications.toUsers(users, message(c, MessageTemplate.ONLINE_INVITATION, role)));
        int invited = invitedByRole.values().stream().mapToInt(List::size).sum();
        consultations.record(consultationId, Stage.CONSULTING, "推送网络协商链接", actor, invited + "人");
        return new Pushed(invited, targets.size() - invited);
    }

    /** Invites a participant without an account by the mobile number the host enters: a text message with the link. */
    public void inviteByMobile(long consultationId, long participantId, String mobile, String actor) {
        Consultation c = invitable(consultationId);
        Participant participant = consultations.participants(consultationId).stream()
                .filter(p -> p.id() == participantId).findFirst()
                .orElseThrow(() -> Refusal.notFound("该参与人员不属于本次协商"));
        if (participant.userId() != null && !participant.userId().isBlank()) {
            throw Refusal.invalid("“" + participant.name() + "”有平台账号，请用“推送参与链接”邀请");
        }
        String number = VerificationCodes.checkMobile(mobile);
        OffsetDateTime now = EngineClock.now();
        long citizenId = citizens.findByMobile(number).stream().filter(p -> p.name().equals(participant.name()))
                .map(Citizen::id).findFirst()
                .orElseGet(() -> citizens.insert(participant.name(), number, now));
        OnlineRole role = OnlineRole.of(participant.category());
        invitations.saveForCitizen(consultationId, role, participantId, citizenId, actor, now);
        notifications.toCitizens(List.of(citizenId), message(c, MessageTemplate.ONLINE_INVITATION_CITIZEN, role));
        consultations.record(consultationId, Stage.CONSULTING, "短信邀请参与网络协商", actor, participant.name());
    }

    /** The role in which this person was invited to the consultation (the first, members first), if at all. */
    @Transactional(readOnly = true)
    public Optional<Invitation> of(long consultationId, Person person) {
        return invitations.findAll(consultationId).stream()
                .filter(i -> Objects.equals(person.mobile(), mobileOf(i).orElse(null)))
                .min(Comparator.comparing(Invitation::role));
    }

    @Transactional(readOnly = true)
    public List<Invitation> all(long consultationId) {
        return invitations.findAll(consultationId);
    }

    /** The number an invitation is recognised by: the account's for messages, or the one the host entered. */
    @Transactional(readOnly = true)
    public Optional<String> mobileOf(Invitation invitation) {
        if (invitation.citizenId() != null) {
            return citizens.find(invitation.citizenId()).map(Citizen::mobile).filter(m -> !m.isBlank());
        }
        return contacts.mobile(invitation.userId()).filter(m -> !m.isBlank());
    }

    /** Links are pushed while the consultation is open: before, its page is not public; after, nothing is accepted. */
    private Consultation invitable(long consultationId) {
        Consultation c = consultations.get(consultationId);
        switch (online.window(c)) {
            case OPEN -> {
                return c;
            }
            case NOT_STARTED -> throw Refusal.conflict("网络协商尚未开始征求意见，开始后再推送链接");
            case ENDED -> throw Refusal.conflict("网络协商已截止，不能再邀请");
            default -> throw Refusal.conflict("该协商不是网络协商");
        }
    }

    private Message message(Consultation c, MessageTemplate template, OnlineRole role) {
        Topic topic = consultations.topicOf(c);
        return Message.of(template, c.id())
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.PLACE, organisation.place(c.placeCode()).name())
                .with(Placeholder.ROLE, role.label())
                .with(Placeholder.CLOSING_TIME, OnlineWindow.time(c.closingAt()))
                .link(links.consultation(c.number()));
    }

    /** Members live at a township or the county: a village's consultation invites its township's members. */
    private Place residence(String placeCode) {
        Place place = organisation.place(placeCode);
        return place.level() == PlaceLevel.VILLAGE ? organisation.ancestorAtLevel(placeCode, PlaceLevel.TOWNSHIP) : place;
    }

    private record Target(OnlineRole role, Long participantId) {
    }
}

package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.DeadlineNotices;
import cn.cppcc.consult.notification.DeadlineNotices.Deadline;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;

/** The messages a consultation sends as it goes: who gets them and what they say. */
@Service
@Transactional
public class ConsultationNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ConsultationService consultations;
    private final MinutesService minutes;
    private final NotificationService notifications;
    private final DeadlineNotices deadlines;
    private final OrganisationService organisation;
    private final DeadlineEscalations escalations;
    private final CitizenRepository citizens;

    ConsultationNotices(ConsultationService consultations, MinutesService minutes, NotificationService notifications,
            DeadlineNotices deadlines, OrganisationService organisation, DeadlineEscalations escalations,
            CitizenRepository citizens) {
        this.consultations = consultations;
        this.minutes = minutes;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.organisation = organisation;
        this.escalations = escalations;
        this.citizens = citizens;
    }

    /** 提前通报: participants with an account learn the topic, its materials, the form, time and place in advance. */
    public void advanceNotice(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        List<String> users = participantUsers(consultationId);
        notifications.toUsers(users, Message.of(MessageTemplate.ADVANCE_NOTICE, consultationId)
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.FORM, c.form() == null ? "待定" : c.form().label())
                .with(Placeholder.HOST, c.host() == null ? "待定" : c.host())
                .with(Placeholder.TIME, time(c.scheduledAt()))
                .with(Placeholder.VENUE, c.venue() == null ? "待定" : c.venue())
                .with(Placeholder.CLOSING_TIME, c.closingAt() == null ? "无" : time(c.closingAt()))
                .with(Placeholder.TOPIC_DESCRIPTION, topic.description()));
        consultations.record(consultationId, Stage.RESEARCH, "向参与人员提前通报", null, users.size() + "人");
    }

    /** 会议通知: the research is accepted, so a meeting consultation can be convened; its participants are invited. */
    public void meetingInvitation(long consultationId) {
        Consultation c = consultations.get(consultationId);
        if (c.form() != ConsultationForm.MEETING) {
            return;
        }
        Topic topic = consultations.topicOf(c);
        List<String> users = participantUsers(consultationId);
        notifications.toUsers(users, Message.of(MessageTemplate.MEETING_INVITATION, consultationId)
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.TIME, time(c.scheduledAt()))
                .with(Placeholder.VENUE, c.venue() == null ? "待定" : c.venue())
                .with(Placeholder.HOST, c.host() == null ? "待定" : c.host()));
        consultations.record(consultationId, Stage.RESEARCH, "发出会议通知", null, users.size() + "人");
    }

    /** The initiator learns that the topic was not accepted, and why; so do the citizens who raised it or are affected. */
    public void topicRejected(long consultationId, String initiator) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        notifications.toUsers(List.of(initiator), Message.of(MessageTemplate.TOPIC_REJECTED, consultationId)
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.REASON, topic.rejectionReason()));
        notifications.toCitizens(citizens.citizensOfTopic(topic.id()),
                Message.of(MessageTemplate.TOPIC_REJECTED_CITIZEN, consultationId)
                        .with(Placeholder.TOPIC, topic.title())
                        .with(Placeholder.REASON, topic.rejectionReason()));
    }

    /** 呈送镇级党委政府: the approved minutes go to the party committee and government above the consultation. */
    public void sendMinutes(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        minutes.markSent(consultationId);
        Minutes accepted = minutes.latest(consultationId);
        notifications.toGroups(List.of(Role.GOVERNMENT.groupId(recipientOfMinutes(c.placeCode()).code())),
                Message.of(MessageTemplate.MINUTES_SENT, consultationId)
                        .with(Placeholder.TOPIC, topic.title())
                        .with(Placeholder.NUMBER, c.number())
                        .with(Placeholder.CONTENT, accepted.content()));
    }

    /** A village's minutes go to its township; a township's or county's to its own committee and government. */
    private Place recipientOfMinutes(String placeCode) {
        Place place = organisation.place(placeCode);
        return place.level() == PlaceLevel.VILLAGE ? organisation.ancestorAtLevel(placeCode, PlaceLevel.TOWNSHIP)
                : place;
    }

    /** Who holds a task: its assignee, or the users and groups it is offered to. */
    public record Holders(List<String> users, List<String> groups) {
    }

    /** A task of a consultation and the deadline of its stage. */
    public record Overdue(long consultationId, String taskKey, String taskName, OffsetDateTime due, Holders holders) {
    }

    /** Before the stage's limit: whoever holds the task is reminded. Once the limit has passed, the escalation speaks. */
    public void deadlineApproaching(Overdue task) {
        if (task.due() == null || !EngineClock.now().isBefore(task.due())) {
            return;
        }
        Consultation c = consultations.get(task.consultationId());
        deadlines.remindBeforeDue(deadline(c, task), task.holders().users(), task.holders().groups());
        consultations.record(c.id(), c.stage(), "到期提醒：" + task.taskName(), null, holderNames(task.holders()));
    }

    /**
     * The stage's limit has passed: the holders are told it is overdue and the county supervisors who
     * holds it (督办). Once per task and deadline: a returned draft due at the same time is not
     * escalated again.
     */
    public void deadlinePassed(Overdue task) {
        if (task.due() == null || !escalations.markEscalated(task.consultationId(), task.taskKey(), task.due(),
                EngineClock.now())) {
            return;
        }
        Consultation c = consultations.get(task.consultationId());
        Deadline deadline = deadline(c, task);
        String holders = holderNames(task.holders());
        String supervisors = Role.SUPERVISOR.groupId(organisation.ancestorAtLevel(c.placeCode(), PlaceLevel.COUNTY).code());
        deadlines.remindOverdue(deadline, task.holders().users(), task.holders().groups());
        deadlines.escalate(deadline, holders, List.of(), List.of(supervisors));
        consultations.record(c.id(), c.stage(), "逾期督办：" + task.taskName(), null, holders);
    }

    private Deadline deadline(Consultation c, Overdue task) {
        return new Deadline(task.taskName(), consultations.topicOf(c).title(), c.number(), task.due(), c.id(), null);
    }

    /** 张三、云岭镇政协联络组（同心圆工作室）: the names people know. */
    private String holderNames(Holders holders) {
        List<String> names = new java.util.ArrayList<>();
        holders.users().forEach(user -> names.add(organisation.userName(user)));
        holders.groups().forEach(group -> names.add(organisation.groupName(group)));
        return names.isEmpty() ? "（无人认领）" : String.join("、", names);
    }

    private List<String> participantUsers(long consultationId) {
        return consultations.participants(consultationId).stream()
                .map(Participant::userId)
                .filter(userId -> userId != null && !userId.isBlank())
                .toList();
    }

    private static String time(OffsetDateTime moment) {
        return moment == null ? "待定" : TIME.format(moment.atZoneSameInstant(FormValues.ZONE));
    }
}

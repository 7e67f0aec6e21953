package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
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
    private final OrganisationService organisation;
    private final DeadlineEscalations escalations;

    ConsultationNotices(ConsultationService consultations, MinutesService minutes, NotificationService notifications,
            OrganisationService organisation, DeadlineEscalations escalations) {
        this.consultations = consultations;
        this.minutes = minutes;
        this.notifications = notifications;
        this.organisation = organisation;
        this.escalations = escalations;
    }

    /** 提前通报: participants with an account learn the topic, the form, time and place in advance. */
    public void advanceNotice(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        List<String> users = consultations.participants(consultationId).stream()
                .map(Participant::userId)
                .filter(Objects::nonNull)
                .toList();
        StringBuilder body = new StringBuilder()
                .append("您已确定为“").append(topic.title()).append("”（").append(c.number()).append("）的协商参与人员。\n")
                .append("协商形式：").append(c.form().label()).append("；主持人：").append(c.host()).append("\n");
        if (c.scheduledAt() != null) {
            body.append("时间：").append(TIME.format(c.scheduledAt().atZoneSameInstant(FormValues.ZONE))).append("\n");
        }
        if (c.venue() != null) {
            body.append("地点：").append(c.venue()).append("\n");
        }
        if (c.closingAt() != null) {
            body.append("意见征集截止：").append(TIME.format(c.closingAt().atZoneSameInstant(FormValues.ZONE))).append("\n");
        }
        body.append("议题内容：").append(topic.description());
        notifications.toUsers(users, new Message(NotificationKind.ADVANCE_NOTICE, "【提前通报】" + topic.title(),
                body.toString(), consultationId));
        consultations.record(consultationId, Stage.RESEARCH, "向参与人员提前通报", null, users.size() + "人");
    }

    /** The initiator learns that the topic was not accepted, and why. */
    public void topicRejected(long consultationId, String initiator) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        notifications.toUsers(List.of(initiator), new Message(NotificationKind.TOPIC_REJECTED,
                "议题未通过审定：" + topic.title(),
                "您发起的议题“" + topic.title() + "”（" + c.number() + "）经党组织审定不予采纳。\n理由："
                        + topic.rejectionReason(),
                consultationId));
    }

    /** 呈送镇级党委政府: the approved minutes go to the party committee and government above the consultation. */
    public void sendMinutes(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        minutes.markSent(consultationId);
        Minutes accepted = minutes.latest(consultationId);
        notifications.toGroups(List.of(Role.GOVERNMENT.groupId(recipientOfMinutes(c.placeCode()).code())),
                new Message(NotificationKind.MINUTES_SENT, "【协商纪要】" + topic.title(),
                        "“" + topic.title() + "”（" + c.number() + "）协商纪要已经主持人审核，现予呈送。\n\n"
                                + accepted.content(),
                        consultationId));
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
        Topic topic = consultations.topicOf(c);
        Message message = new Message(NotificationKind.REMINDER, "【到期提醒】" + task.taskName() + "：" + topic.title(),
                "“" + topic.title() + "”（" + c.number() + "）的“" + task.taskName() + "”须在"
                        + TIME.format(task.due().atZoneSameInstant(FormValues.ZONE)) + "前办理（"
                        + c.stage().label() + "阶段时限），请及时办理。",
                c.id());
        notifications.toUsers(task.holders().users(), message);
        notifications.toGroups(task.holders().groups(), message);
        consultations.record(c.id(), c.stage(), "到期提醒：" + task.taskName(), null, holderNames(task.holders()));
    }

    /**
     * The stage's limit has passed: the county supervisors are told who holds the work, and the holders
     * that it is overdue. Once per task and deadline: a returned draft due at the same time is not
     * escalated again.
     */
    public void deadlinePassed(Overdue task) {
        if (task.due() == null || !escalations.markEscalated(task.consultationId(), task.taskKey(), task.due(),
                EngineClock.now())) {
            return;
        }
        Consultation c = consultations.get(task.consultationId());
        Topic topic = consultations.topicOf(c);
        Place place = organisation.place(c.placeCode());
        String due = TIME.format(task.due().atZoneSameInstant(FormValues.ZONE));
        String holders = holderNames(task.holders());
        String supervisors = Role.SUPERVISOR.groupId(organisation.ancestorAtLevel(c.placeCode(), PlaceLevel.COUNTY).code());
        notifications.toGroups(List.of(supervisors), new Message(NotificationKind.ESCALATION,
                "【逾期督办】" + place.name() + "：" + topic.title(),
                "“" + topic.title() + "”（" + c.number() + "，" + place.name() + "）的“" + task.taskName() + "”已超过"
                        + c.stage().label() + "阶段时限（" + due + "），目前由" + holders + "办理，请督促落实。",
                c.id()));
        Message overdue = new Message(NotificationKind.REMINDER, "【已逾期】" + task.taskName() + "：" + topic.title(),
                "“" + topic.title() + "”（" + c.number() + "）的“" + task.taskName() + "”已超过办理时限（" + due
                        + "），已报县政协督查，请尽快办理。",
                c.id());
        notifications.toUsers(task.holders().users(), overdue);
        notifications.toGroups(task.holders().groups(), overdue);
        consultations.record(c.id(), c.stage(), "逾期督办：" + task.taskName(), null, holders);
    }

    /** 张三、云岭镇政协联络组（同心圆工作室）: the names people know. */
    private String holderNames(Holders holders) {
        List<String> names = new java.util.ArrayList<>();
        holders.users().forEach(user -> names.add(organisation.userName(user)));
        holders.groups().forEach(group -> names.add(organisation.groupName(group)));
        return names.isEmpty() ? "（无人认领）" : String.join("、", names);
    }
}

package cn.cppcc.consult.consultation;

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
import cn.cppcc.consult.organisation.TaskRouting;
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
    private final TaskRouting routing;

    ConsultationNotices(ConsultationService consultations, MinutesService minutes, NotificationService notifications,
            OrganisationService organisation, TaskRouting routing) {
        this.consultations = consultations;
        this.minutes = minutes;
        this.notifications = notifications;
        this.organisation = organisation;
        this.routing = routing;
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

    /** The minutes are overdue: the organisers are reminded and the county supervisors told. */
    public void minutesOverdue(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        String organisers = routing.groupFor(ConsultationProcess.TASK_DRAFT_MINUTES, c.placeCode());
        String supervisors = Role.SUPERVISOR.groupId(organisation.ancestorAtLevel(c.placeCode(), PlaceLevel.COUNTY).code());
        notifications.toGroups(List.of(organisers, supervisors), new Message(NotificationKind.REMINDER,
                "【催办】协商纪要逾期：" + topic.title(),
                "“" + topic.title() + "”（" + c.number() + "）的协商纪要已超过时限尚未完成，请尽快起草并报主持人审核。",
                consultationId));
        consultations.record(consultationId, Stage.MINUTES, "纪要逾期催办", null, null);
    }
}

package cn.cppcc.consult.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * Time limits: a reminder before one runs out, a reminder to whoever holds overdue work, and an
 * escalation (督办) to the supervisors above. Supervision code decides when and to whom; this says
 * it, in the administrators' wording, by the recipients' channels.
 */
@Service
@Transactional
public class DeadlineNotices {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final NotificationService notifications;
    private final NotificationProperties properties;

    DeadlineNotices(NotificationService notifications, NotificationProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    /**
     * A piece of work with a time limit: what it is (e.g. 撰写协商纪要), the topic and number of the
     * consultation it belongs to, when it is due, and where to act on it (null: Tasklist).
     */
    public record Deadline(String item, String topic, String number, OffsetDateTime dueAt, Long consultationId,
            String link) {
    }

    /** Before the time limit: the people who hold the work are reminded. */
    public void remindBeforeDue(Deadline deadline, Collection<String> userIds, Collection<String> groupIds) {
        send(message(MessageTemplate.REMINDER_BEFORE_DUE, deadline), userIds, groupIds);
    }

    /** After the time limit: the people who hold the work are reminded that it is overdue. */
    public void remindOverdue(Deadline deadline, Collection<String> userIds, Collection<String> groupIds) {
        send(message(MessageTemplate.OVERDUE_REMINDER, deadline)
                .with(Placeholder.OVERDUE_DAYS, overdueDays(deadline)), userIds, groupIds);
    }

    /** After the time limit: supervisors are told who holds the overdue work (督办). */
    public void escalate(Deadline deadline, String holder, Collection<String> userIds, Collection<String> groupIds) {
        send(message(MessageTemplate.ESCALATION, deadline)
                .with(Placeholder.OVERDUE_DAYS, overdueDays(deadline))
                .with(Placeholder.HOLDER, holder), userIds, groupIds);
    }

    private Message message(MessageTemplate template, Deadline deadline) {
        return Message.of(template, deadline.consultationId())
                .with(Placeholder.ITEM, deadline.item())
                .with(Placeholder.TOPIC, deadline.topic())
                .with(Placeholder.NUMBER, deadline.number())
                .with(Placeholder.DUE, TIME.format(deadline.dueAt().atZoneSameInstant(FormValues.ZONE)))
                .link(deadline.link() != null ? deadline.link() : properties.getBaseUrl() + "/camunda/app/tasklist/");
    }

    private void send(Message message, Collection<String> userIds, Collection<String> groupIds) {
        java.util.Set<String> users = new java.util.LinkedHashSet<>(userIds);
        users.addAll(notifications.membersOf(groupIds));
        notifications.toUsers(users, message);
    }

    /** Whole days past the limit, at least 0. */
    static long overdueDays(Deadline deadline) {
        return Math.max(0, Duration.between(deadline.dueAt(), EngineClock.now()).toDays());
    }
}

package cn.cppcc.consult.notification;

import java.time.Duration;
import java.time.LocalDate;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final NotificationService notifications;
    private final NotificationProperties properties;

    DeadlineNotices(NotificationService notifications, NotificationProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    /**
     * A piece of work with a time limit: what it is (e.g. 撰写协商纪要), the topic and number of the
     * consultation it belongs to, when it is due and how that reads, and where to act on it (null: Tasklist).
     */
    public record Deadline(String item, String topic, String number, OffsetDateTime dueAt, String due,
            Long consultationId, String link) {

        /** Due at a moment, which reads with its time: 2026年5月27日 18:00. */
        public Deadline(String item, String topic, String number, OffsetDateTime dueAt, Long consultationId,
                String link) {
            this(item, topic, number, dueAt, TIME.format(dueAt.atZoneSameInstant(FormValues.ZONE)), consultationId,
                    link);
        }

        /** Due by the end of a day (a time limit set as a date), which reads as the day: 2026年5月27日. */
        public static Deadline endOfDay(String item, String topic, String number, LocalDate dueOn, Long consultationId,
                String link) {
            return new Deadline(item, topic, number, dueOn.plusDays(1).atStartOfDay(FormValues.ZONE).toOffsetDateTime(),
                    DAY.format(dueOn), consultationId, link);
        }
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
                .with(Placeholder.DUE, deadline.due())
                .link(deadline.link() != null ? deadline.link() : properties.getBaseUrl() + "/camunda/app/tasklist/");
    }

    private void send(Message message, Collection<String> userIds, Collection<String> groupIds) {
        java.util.Set<String> users = new java.util.LinkedHashSet<>(userIds);
        users.addAll(notifications.membersOf(groupIds));
        notifications.toUsers(users, message);
    }

    /** Days past the limit, a day begun counting as a day (逾期1天 from the first moment after it); 0 until then. */
    static long overdueDays(Deadline deadline) {
        long late = Duration.between(deadline.dueAt(), EngineClock.now()).toMillis();
        return late <= 0 ? 0 : (late - 1) / Duration.ofDays(1).toMillis() + 1;
    }
}

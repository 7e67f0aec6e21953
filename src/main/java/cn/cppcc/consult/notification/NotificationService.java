package cn.cppcc.consult.notification;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.MessageTemplates.Rendered;
import cn.cppcc.consult.process.EngineClock;

/**
 * The one way process code sends a message. A message is written to the recipient's inbox and to
 * the outbox (one delivery per channel the recipient is reached on) in the transaction of the step
 * that causes it, so a step that rolls back sends nothing and a step that commits is never without
 * its message; e-mail and text messages go out afterwards (see {@link Outbox}).
 */
@Service
@Transactional
public class NotificationService {

    public static final String CITIZEN_PREFIX = "citizen:";

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final MessageTemplates templates;
    private final Outbox outbox;

    NotificationService(JdbcClient jdbc, IdentityService identityService, MessageTemplates templates, Outbox outbox) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.templates = templates;
        this.outbox = outbox;
    }

    /**
     * What to say: a {@link MessageTemplate}, whose wording administrators can change, and the values of
     * its placeholders: {@code Message.of(MessageTemplate.TOPIC_REJECTED, consultationId)
     * .with(Placeholder.TOPIC, title).with(Placeholder.REASON, reason)}. There is no fixed-text message.
     */
    public record Message(MessageTemplate template, Long consultationId, Map<Placeholder, String> values, String link) {

        public Message {
            Objects.requireNonNull(template, "template");
            values = values.isEmpty() ? Map.of() : Map.copyOf(values);
        }

        public static Message of(MessageTemplate template, Long consultationId) {
            return new Message(template, consultationId, Map.of(), null);
        }

        public NotificationKind kind() {
            return template.kind();
        }

        /** The value shown for {@code placeholder}; null shows as nothing. */
        public Message with(Placeholder placeholder, Object value) {
            Map<Placeholder, String> next = new EnumMap<>(Placeholder.class);
            next.putAll(values);
            next.put(placeholder, value == null ? "" : String.valueOf(value));
            return new Message(template, consultationId, next, link);
        }

        /** Where the recipient acts on it (a task in Tasklist, a survey): shown as {@code {链接}} and in the inbox. */
        public Message link(String url) {
            return new Message(template, consultationId, values, url).with(Placeholder.LINK, url);
        }
    }

    public void toUsers(Collection<String> userIds, Message message) {
        send(new LinkedHashSet<>(userIds), message);
    }

    /**
     * Citizens have no account: the message is kept for the citizen by id (never by name or number,
     * which stay in the citizen table) and goes out as a text message to the number they gave.
     */
    public void toCitizens(Collection<Long> citizenIds, Message message) {
        send(new LinkedHashSet<>(citizenIds.stream().map(NotificationService::citizenRecipient).toList()), message);
    }

    /** Every member of the given groups receives the message once. */
    public void toGroups(Collection<String> groupIds, Message message) {
        toUsers(membersOf(groupIds), message);
    }

    private static final int MEMBERS_PAGE = 500;

    /** The users in any of the groups, each once. */
    @Transactional(readOnly = true)
    public Set<String> membersOf(Collection<String> groupIds) {
        Set<String> users = new LinkedHashSet<>();
        for (String groupId : groupIds) {
            // page by page: a logged-in user's queries return at most queryMaxResultsLimit rows each
            List<User> page;
            int first = 0;
            do {
                page = identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
                        .listPage(first, MEMBERS_PAGE);
                page.stream().map(User::getId).forEach(users::add);
                first += MEMBERS_PAGE;
            } while (page.size() == MEMBERS_PAGE);
        }
        return users;
    }

    /** The recipient key of a citizen in the notification table. */
    public static String citizenRecipient(long citizenId) {
        return CITIZEN_PREFIX + citizenId;
    }

    /** The citizen a recipient key stands for; empty for a staff member. */
    public static java.util.Optional<Long> citizenOf(String recipient) {
        return recipient.startsWith(CITIZEN_PREFIX)
                ? java.util.Optional.of(Long.parseLong(recipient.substring(CITIZEN_PREFIX.length())))
                : java.util.Optional.empty();
    }

    private void send(Set<String> recipients, Message message) {
        if (recipients.isEmpty()) {
            return;
        }
        Rendered text = templates.render(message);
        Map<Long, String> written = new LinkedHashMap<>();
        for (String recipient : recipients) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into notification (recipient, kind, subject, body, short_text, link, template_key,
                                                      consultation_id, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(recipient, message.kind().name(), text.subject(), text.body(), text.shortText(),
                            message.link(), message.template().name(),
                            message.consultationId(), EngineClock.now())
                    .update(keys, "id");
            written.put(keys.getKeyAs(Number.class).longValue(), recipient);
        }
        outbox.enqueue(message.kind(), written);
    }

    // ---- the inbox

    @Transactional(readOnly = true)
    public List<Notification> inbox(String userId) {
        return jdbc.sql("select * from notification where recipient = ? order by created_at desc, id desc")
                .param(userId)
                .query(Notification.class)
                .list();
    }

    /** A page of the inbox, newest first: up to {@code limit} messages older than {@code beforeId} (null: the newest). */
    @Transactional(readOnly = true)
    public List<Notification> inbox(String userId, Long beforeId, int limit) {
        return jdbc.sql("""
                        select * from notification where recipient = ? and id < ?
                        order by id desc fetch first ? rows only""")
                .params(userId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query(Notification.class)
                .list();
    }

    @Transactional(readOnly = true)
    public long unreadCount(String userId) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** Marks one of the user's own messages read; another user's message is left alone. */
    public boolean markRead(String userId, long notificationId) {
        return jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
                .params(EngineClock.now(), notificationId, userId)
                .update() > 0;
    }

    public int markAllRead(String userId) {
        return jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
                .params(EngineClock.now(), userId)
                .update();
    }
}

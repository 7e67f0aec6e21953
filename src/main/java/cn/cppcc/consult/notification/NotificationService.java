package cn.cppcc.consult.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;

/**
 * The in-app inbox. A message is written in the transaction of the step that causes it, so a step
 * that rolls back sends nothing and a step that commits is never without its message.
 */
@Service
@Transactional
public class NotificationService {

    private final JdbcClient jdbc;
    private final IdentityService identityService;

    NotificationService(JdbcClient jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    public record Message(NotificationKind kind, String subject, String body, Long consultationId) {
    }

    public void toUsers(Collection<String> userIds, Message message) {
        for (String userId : new LinkedHashSet<>(userIds)) {
            jdbc.sql("""
                            insert into notification (recipient, kind, subject, body, consultation_id, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(userId, message.kind().name(), message.subject(), message.body(), message.consultationId(),
                            EngineClock.now())
                    .update();
        }
    }

    /**
     * Citizens have no account: the message is kept for the citizen by id (never by name or number,
     * which stay in the citizen table) and goes out by the channel they can be reached on.
     */
    public void toCitizens(Collection<Long> citizenIds, Message message) {
        toUsers(citizenIds.stream().map(NotificationService::citizenRecipient).toList(), message);
    }

    /** The recipient key of a citizen in the notification table. */
    public static String citizenRecipient(long citizenId) {
        return CITIZEN_PREFIX + citizenId;
    }

    public static final String CITIZEN_PREFIX = "citizen:";

    /** Every member of the given groups receives the message once. */
    public void toGroups(Collection<String> groupIds, Message message) {
        Set<String> users = new LinkedHashSet<>();
        for (String groupId : groupIds) {
            identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).forEach(users::add);
        }
        toUsers(users, message);
    }

    @Transactional(readOnly = true)
    public List<Notification> inbox(String userId) {
        return jdbc.sql("select * from notification where recipient = ? order by created_at desc, id desc")
                .param(userId)
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
}

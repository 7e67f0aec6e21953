package cn.cppcc.consult.notification;

import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;

/**
 * How staff are reached: e-mail address (their Camunda user's), mobile number and quiet hours
 * (table {@code staff_contact}), and the channels they want for each kind of message
 * ({@code notification_preference}; without a choice, e-mail for every kind and text messages for
 * reminders, escalations, meeting invitations and online consultation invitations).
 */
@Service
@Transactional
public class StaffContacts {

    static final Set<NotificationKind> SMS_BY_DEFAULT =
            EnumSet.of(NotificationKind.REMINDER, NotificationKind.ESCALATION, NotificationKind.MEETING_INVITATION,
                    NotificationKind.ONLINE_INVITATION);

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final NotificationProperties properties;

    StaffContacts(JdbcClient jdbc, IdentityService identityService, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.properties = properties;
    }

    /** Where a user can be reached for one kind of message, and whether they want it there. */
    public record Reach(String userId, String email, String mobile, boolean emailWanted, boolean smsWanted) {

        boolean byEmail() {
            return emailWanted && email != null && !email.isBlank();
        }

        boolean bySms() {
            return smsWanted && mobile != null && !mobile.isBlank();
        }
    }

    public record Contact(String userId, String mobile, LocalTime quietFrom, LocalTime quietUntil) {
    }

    public record Choice(NotificationKind kind, boolean email, boolean sms) {
    }

    @Transactional(readOnly = true)
    public Map<String, Reach> reach(Collection<String> userIds, NotificationKind kind) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(userIds);
        Map<String, String> emails = new HashMap<>();
        identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).unlimitedList()
                .forEach(u -> emails.put(u.getId(), u.getEmail()));
        Map<String, Contact> contacts = jdbc.sql("select * from staff_contact where user_id in (:ids)")
                .param("ids", ids).query(Contact.class).list().stream()
                .collect(Collectors.toMap(Contact::userId, Function.identity()));
        Map<String, Choice> choices = new HashMap<>();
        jdbc.sql("select user_id, kind, email, sms from notification_preference where kind = :kind and user_id in (:ids)")
                .param("kind", kind.name()).param("ids", ids)
                .query((rs, n) -> choices.put(rs.getString("user_id"),
                        new Choice(kind, rs.getBoolean("email"), rs.getBoolean("sms"))))
                .list();
        Choice byDefault = defaultChoice(kind);
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> {
            Choice choice = choices.getOrDefault(id, byDefault);
            Contact contact = contacts.get(id);
            return new Reach(id, emails.get(id), contact == null ? null : contact.mobile(), choice.email(), choice.sms());
        }));
    }

    @Transactional(readOnly = true)
    public Optional<String> email(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(e -> !e.isBlank());
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(String userId) {
        return jdbc.sql("select * from staff_contact where user_id = ?").param(userId).query(Contact.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> mobile(String userId) {
        return contact(userId).map(Contact::mobile).filter(m -> m != null && !m.isBlank());
    }

    /** The user's quiet hours, or the platform's. */
    @Transactional(readOnly = true)
    public QuietHours quietHours(String userId) {
        return contact(userId).filter(c -> c.quietFrom() != null && c.quietUntil() != null)
                .map(c -> new QuietHours(c.quietFrom(), c.quietUntil()))
                .orElseGet(this::defaultQuietHours);
    }

    public QuietHours defaultQuietHours() {
        return new QuietHours(properties.getSms().getQuietFrom(), properties.getSms().getQuietUntil());
    }

    @Transactional(readOnly = true)
    public List<Choice> choices(String userId) {
        Map<String, Choice> saved = new HashMap<>();
        jdbc.sql("select kind, email, sms from notification_preference where user_id = ?").param(userId)
                .query((rs, n) -> saved.put(rs.getString("kind"),
                        new Choice(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("email"), rs.getBoolean("sms"))))
                .list();
        return java.util.Arrays.stream(NotificationKind.values())
                .map(kind -> saved.getOrDefault(kind.name(), defaultChoice(kind)))
                .toList();
    }

    public void saveContact(String userId, String email, String mobile, LocalTime quietFrom, LocalTime quietUntil) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && !java.util.Objects.equals(blankToNull(user.getEmail()), email)) {
            user.setEmail(email);
            identityService.saveUser(user);
        }
        jdbc.sql("delete from staff_contact where user_id = ?").param(userId).update();
        jdbc.sql("insert into staff_contact (user_id, mobile, quiet_from, quiet_until, updated_at) values (?, ?, ?, ?, ?)")
                .params(userId, mobile, quietFrom, quietUntil, EngineClock.now())
                .update();
    }

    public void saveChoices(String userId, Collection<Choice> choices) {
        jdbc.sql("delete from notification_preference where user_id = ?").param(userId).update();
        for (Choice choice : choices) {
            jdbc.sql("insert into notification_preference (user_id, kind, email, sms) values (?, ?, ?, ?)")
                    .params(userId, choice.kind().name(), choice.email(), choice.sms())
                    .update();
        }
    }

    static Choice defaultChoice(NotificationKind kind) {
        return new Choice(kind, true, SMS_BY_DEFAULT.contains(kind));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

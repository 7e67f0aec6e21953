package cn.cppcc.consult.notification;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.notification.StaffContacts.Choice;
import cn.cppcc.consult.notification.StaffContacts.Contact;

/**
 * {@code /app/notification-settings.html}: the logged-in user's e-mail address, mobile number,
 * quiet hours for text messages and the channels they want for each kind of message.
 */
@RestController
public class SettingsController {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final StaffContacts contacts;
    private final EmailSender email;
    private final SmsProvider sms;
    private final NotificationWebSupport web;

    SettingsController(StaffContacts contacts, EmailSender email, SmsProvider sms, NotificationWebSupport web) {
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.web = web;
    }

    public record KindChoice(String kind, String label, boolean email, boolean sms) {
    }

    public record Settings(String email, String mobile, String quietFrom, String quietUntil, String defaultQuietHours,
            boolean emailAvailable, boolean smsAvailable, List<KindChoice> kinds) {
    }

    @GetMapping("/api/notification-settings")
    public Settings get() {
        String userId = web.currentUser();
        Contact contact = contacts.contact(userId).orElse(new Contact(userId, null, null, null));
        return new Settings(contacts.email(userId).orElse(""), contact.mobile() == null ? "" : contact.mobile(),
                time(contact.quietFrom()), time(contact.quietUntil()), contacts.defaultQuietHours().toString(),
                email.enabled(), sms.enabled(),
                contacts.choices(userId).stream()
                        .map(c -> new KindChoice(c.kind().name(), c.kind().label(), c.email(), c.sms()))
                        .toList());
    }

    /** Saves all of it, or nothing: a bad value is refused with what is wrong. */
    @PutMapping("/api/notification-settings")
    @Transactional
    public Settings save(@RequestBody Settings settings) {
        String userId = web.currentUser();
        List<String> problems = new ArrayList<>();
        String address = blankToNull(settings.email());
        if (address != null && (address.length() > 200 || !EMAIL.matcher(address).matches())) {
            problems.add("电子邮箱格式不正确");
        }
        String mobile = blankToNull(settings.mobile());
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            problems.add("手机号码应为11位数字，以1开头");
        }
        LocalTime from = parse(settings.quietFrom(), "免打扰开始时间", problems);
        LocalTime until = parse(settings.quietUntil(), "免打扰结束时间", problems);
        if ((from == null) != (until == null)) {
            problems.add("免打扰时段须同时填写开始和结束时间，或都不填（使用平台默认时段）");
        }
        List<Choice> choices = new ArrayList<>();
        for (KindChoice choice : settings.kinds() == null ? List.<KindChoice>of() : settings.kinds()) {
            try {
                choices.add(new Choice(NotificationKind.valueOf(choice.kind()), choice.email(), choice.sms()));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("未知的消息类别：" + choice.kind());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        contacts.saveContact(userId, address, mobile, from, until);
        contacts.saveChoices(userId, choices);
        return get();
    }

    private static LocalTime parse(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(label + "应为“时:分”，如 22:00");
            return null;
        }
    }

    private static String time(LocalTime time) {
        return time == null ? "" : time.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

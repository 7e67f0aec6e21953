package cn.cppcc.consult.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.FakeSmsGateway;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The outside world for notification tests: a real SMTP server (GreenMail) and a real HTTP SMS
 * gateway on free local ports, the platform pointed at them, staff given addresses, and delivery
 * jobs run one by one. {@link #close()} puts everything back for the other tests.
 */
@Component
class Channels {

    private final JavaMailSenderImpl mailSender;
    private final NotificationProperties properties;
    private final StaffContacts contacts;
    private final DeliveryRepository deliveries;
    private final ManagementService managementService;
    private final JdbcClient jdbc;

    private GreenMail mail;
    private FakeSmsGateway sms;
    private final List<String> users = new ArrayList<>();

    Channels(JavaMailSenderImpl mailSender, NotificationProperties properties, StaffContacts contacts,
            DeliveryRepository deliveries, ManagementService managementService, JdbcClient jdbc) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    /** Servers up, the platform pointed at them, and the engine's clock at 10:00 Beijing time (no quiet hours). */
    Channels open() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(mail.getSmtp().getPort());
        sms = new FakeSmsGateway();
        properties.getSms().setUrl(sms.url());
        properties.getSms().setReadTimeout(java.time.Duration.ofSeconds(2));
        at(LocalTime.of(10, 0));
        return this;
    }

    void close() {
        mail.stop();
        sms.close();
        mailSender.setPort(1);
        properties.getSms().setUrl(null);
        properties.getSms().setReadTimeout(java.time.Duration.ofSeconds(15));
        properties.getSms().setApiKey(null);
        for (String user : users) {
            contacts.saveContact(user, null, null, null, null);
            jdbc.sql("delete from staff_contact where user_id = ?").param(user).update();
            jdbc.sql("delete from notification_preference where user_id = ?").param(user).update();
        }
        users.clear();
        ClockUtil.reset();
    }

    FakeSmsGateway sms() {
        return sms;
    }

    /** Tomorrow at this time, Beijing time, on the engine's clock. */
    static void at(LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.now(FormValues.ZONE).plusDays(1).atTime(time)
                .atZone(FormValues.ZONE).toInstant()));
    }

    /** Gives a demo user an e-mail address and a mobile number (taken away again on close). */
    Channels reach(String userId, String email, String mobile) {
        users.add(userId);
        contacts.saveContact(userId, email, mobile, null, null);
        return this;
    }

    Channels wants(String userId, NotificationKind kind, boolean email, boolean sms) {
        users.add(userId);
        List<StaffContacts.Choice> choices = new ArrayList<>(contacts.choices(userId).stream()
                .filter(c -> c.kind() != kind).toList());
        choices.add(new StaffContacts.Choice(kind, email, sms));
        contacts.saveChoices(userId, choices);
        return this;
    }

    List<Delivery> of(Notification notification) {
        return deliveries.ofNotification(notification.id());
    }

    Delivery reload(Delivery delivery) {
        return deliveries.find(delivery.id()).orElseThrow();
    }

    /** Runs the delivery's current job, as the job executor of some node would. */
    void run(Delivery delivery) {
        managementService.executeJob(reload(delivery).jobId());
    }

    /** Runs the delivery's job and returns how it failed. */
    Throwable runFailing(Delivery delivery) {
        try {
            run(delivery);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("投递本应失败：" + delivery);
    }

    void runAll(List<Delivery> list) {
        list.forEach(this::run);
    }

    /** The mails the SMTP server received. */
    List<MimeMessage> mails() {
        return Arrays.asList(mail.getReceivedMessages());
    }

    List<MimeMessage> mailsTo(String address) {
        return mails().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;

/**
 * Sends one delivery, inside its job's transaction. Exactly once: the delivery row is locked and
 * its state checked before anything is sent, and marked sent in the same transaction, so a second
 * execution of the same delivery (a retry from the REST API, another node taking over an expired
 * lock) waits for the first and then finds it sent. What remains is a crash after the provider has
 * accepted a message and before the commit: the retry sends it again with the same idempotency
 * key, which the SMS gateway uses to drop the repeat (e-mail carries it in a header).
 */
@Service
@Transactional
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final String EMAIL_FOOTER = "\n\n——\n本邮件由政协协商平台自动发送，请勿直接回复。";

    private final DeliveryRepository deliveries;
    private final JdbcClient jdbc;
    private final StaffContacts contacts;
    private final EmailSender email;
    private final SmsProvider sms;
    private final Outbox outbox;

    DeliveryWorker(DeliveryRepository deliveries, JdbcClient jdbc, StaffContacts contacts, EmailSender email, SmsProvider sms, Outbox outbox) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.outbox = outbox;
    }

    private record Text(String recipient, String subject, String body, String shortText) {
    }

    public void deliver(long deliveryId) {
        Optional<Delivery> locked = deliveries.lock(deliveryId);
        if (locked.isEmpty() || locked.get().status() == DeliveryStatus.SENT
                || locked.get().status() == DeliveryStatus.CANCELLED) {
            LOG.debug("Delivery {} is {}: nothing to send", deliveryId, locked.map(Delivery::status).orElse(null));
            return;
        }
        Delivery delivery = locked.get();
        Text text = jdbc.sql("select recipient, subject, body, short_text from notification where id = ?")
                .param(delivery.notificationId()).query(Text.class).single();
        OffsetDateTime now = EngineClock.now();
        boolean citizen = text.recipient().startsWith(NotificationService.CITIZEN_PREFIX);
        switch (delivery.channel()) {
            case EMAIL -> {
                Optional<String> address = citizen ? Optional.empty() : contacts.email(text.recipient());
                if (address.isEmpty()) {
                    deliveries.cancel(deliveryId, "收件人已没有电子邮箱", now);
                    return;
                }
                email.send(address.get(), text.subject(), text.body() + EMAIL_FOOTER, delivery.idempotencyKey());
            }
            case SMS -> {
                Optional<String> mobile = citizen ? outbox.citizenMobile(text.recipient()) : contacts.mobile(text.recipient());
                if (mobile.isEmpty()) {
                    deliveries.cancel(deliveryId, "收件人已没有手机号码", now);
                    return;
                }
                QuietHours quiet = citizen ? contacts.defaultQuietHours() : contacts.quietHours(text.recipient());
                OffsetDateTime later = quiet.deferUntil(now);
                if (later != null) {
                    outbox.reschedule(deliveryId, later);
                    return;
                }
                sms.send(new SmsProvider.SmsMessage(mobile.get(), text.shortText(), delivery.idempotencyKey()));
            }
        }
        deliveries.markSent(deliveryId, now);
    }
}

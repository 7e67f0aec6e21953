package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.process.EngineClock;

/**
 * The transactional outbox. For every recipient and channel it records a delivery and creates a
 * Camunda job for it, both in the caller's transaction: the message exists if and only if the step
 * that caused it committed. The engine's job executor then runs {@link DeliveryJobHandler} on any
 * node of the cluster (jobs are locked in the database), retries a failure after the waits of
 * {@code consult.notification.retry-backoff} and, when none is left, raises an incident on the job;
 * the delivery shows as failed until a supervisor retries it (page "投递失败", or the job's
 * retries from the engine's REST API).
 */
@Service
@Transactional
public class Outbox {

    private final DeliveryRepository deliveries;
    private final StaffContacts contacts;
    private final CitizenRepository citizens;
    private final EmailSender email;
    private final SmsProvider sms;
    private final NotificationProperties properties;
    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService managementService;

    Outbox(DeliveryRepository deliveries, StaffContacts contacts, CitizenRepository citizens, EmailSender email,
            SmsProvider sms, NotificationProperties properties, ProcessEngineConfigurationImpl engine,
            ManagementService managementService) {
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.citizens = citizens;
        this.email = email;
        this.sms = sms;
        this.properties = properties;
        this.engine = engine;
        this.managementService = managementService;
    }

    /** Deliveries for messages just written to the inbox: notification id → recipient. */
    void enqueue(NotificationKind kind, Map<Long, String> recipients) {
        List<String> staff = new ArrayList<>();
        recipients.values().stream().filter(r -> !r.startsWith(NotificationService.CITIZEN_PREFIX)).forEach(staff::add);
        Map<String, StaffContacts.Reach> reach = contacts.reach(staff, kind);
        OffsetDateTime now = EngineClock.now();
        recipients.forEach((notificationId, recipient) -> {
            if (recipient.startsWith(NotificationService.CITIZEN_PREFIX)) {
                if (sms.enabled() && citizenMobile(recipient).isPresent()) {
                    create(notificationId, Channel.SMS, contacts.defaultQuietHours().deferUntil(now), now);
                }
                return;
            }
            StaffContacts.Reach r = reach.get(recipient);
            if (r == null) {
                return;
            }
            if (r.byEmail() && email.enabled()) {
                create(notificationId, Channel.EMAIL, null, now);
            }
            if (r.bySms() && sms.enabled()) {
                create(notificationId, Channel.SMS, contacts.quietHours(recipient).deferUntil(now), now);
            }
        });
    }

    private void create(long notificationId, Channel channel, OffsetDateTime notBefore, OffsetDateTime now) {
        String jobId = engine.getIdGenerator().getNextId();
        long deliveryId = deliveries.insert(notificationId, channel, "consult-" + UUID.randomUUID(), jobId, notBefore, now);
        createJob(jobId, deliveryId, notBefore);
    }

    /** A new job for the delivery, due at {@code notBefore} (null: now). */
    void reschedule(long deliveryId, OffsetDateTime notBefore) {
        String jobId = engine.getIdGenerator().getNextId();
        createJob(jobId, deliveryId, notBefore);
        deliveries.rescheduled(deliveryId, jobId, notBefore, EngineClock.now());
    }

    /** Runs in the engine's current command (from a delegate) or joins the caller's Spring transaction. */
    private void createJob(String jobId, long deliveryId, OffsetDateTime notBefore) {
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            MessageEntity job = new MessageEntity();
            job.setId(jobId);
            job.setJobHandlerType(DeliveryJobHandler.TYPE);
            job.setJobHandlerConfiguration(new DeliveryJobHandler.Configuration(deliveryId));
            job.setDuedate(notBefore == null ? null : Date.from(notBefore.toInstant()));
            job.setExclusive(false);
            job.setRetries(properties.getRetryBackoff().size() + 1);
            commandContext.getJobManager().send(job);
            return null;
        });
    }

    /**
     * A supervisor retries a failed delivery: its job gets one more attempt, now. The job may also
     * be retried from the engine's REST API ({@code PUT /job/{id}/retries}); either way it is sent
     * at most once.
     */
    public void retry(long deliveryId) {
        Delivery delivery = deliveries.find(deliveryId)
                .orElseThrow(() -> new NoSuchElementException("投递记录不存在：" + deliveryId));
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw new IllegalArgumentException("该消息当前" + delivery.status().label() + "，只有投递失败的消息可以重新投递");
        }
        OffsetDateTime now = EngineClock.now();
        if (delivery.jobId() != null && managementService.createJobQuery().jobId(delivery.jobId()).count() > 0) {
            managementService.setJobDuedate(delivery.jobId(), Date.from(now.toInstant()));
            managementService.setJobRetries(delivery.jobId(), 1);
            deliveries.rescheduled(deliveryId, delivery.jobId(), now, now);
        } else {
            reschedule(deliveryId, now);
        }
    }

    /** The number a citizen gave, unless it has been anonymised since. */
    Optional<String> citizenMobile(String recipient) {
        return NotificationService.citizenOf(recipient).flatMap(citizens::find).map(Citizen::mobile)
                .filter(m -> !m.isBlank());
    }
}

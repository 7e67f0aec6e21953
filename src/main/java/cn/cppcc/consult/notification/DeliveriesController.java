package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.DeliveryRepository.Attention;

/**
 * {@code /app/notification-failures.html}: supervisors see the messages that could not be
 * delivered (and those still being retried), why, and retry them.
 */
@RestController
public class DeliveriesController {

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final CitizenRepository citizens;
    private final NotificationWebSupport web;

    DeliveriesController(DeliveryRepository deliveries, Outbox outbox, CitizenRepository citizens,
            NotificationWebSupport web) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.citizens = citizens;
        this.web = web;
    }

    public record Row(long id, String channel, String status, String statusLabel, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, String recipient,
            String kindLabel, String subject, Long consultationId) {
    }

    public record Failures(long failed, List<Row> rows) {
    }

    @GetMapping("/api/notification-deliveries/failures")
    public Failures failures() {
        web.requireSupervisor();
        List<Row> rows = deliveries.needingAttention(200).stream().map(this::row).toList();
        return new Failures(deliveries.countFailed(), rows);
    }

    @PostMapping("/api/notification-deliveries/{id}/retry")
    public Failures retry(@PathVariable long id) {
        web.requireSupervisor();
        outbox.retry(id);
        return failures();
    }

    private Row row(Attention a) {
        return new Row(a.id(), a.channel().label(), a.status().name(), a.status().label(), a.attempts(), a.lastError(),
                a.createdAt(), a.nextAttemptAt(), recipient(a.recipient()), a.kind().label(), a.subject(),
                a.consultationId());
    }

    /** A citizen shows by masked number only. */
    private String recipient(String recipient) {
        return NotificationService.citizenOf(recipient)
                .map(id -> "群众 " + citizens.find(id).map(c -> c.maskedMobile()).orElse("#" + id))
                .orElse(recipient);
    }
}

package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's inbox ({@code /app/inbox.html}): their messages, the unread count, marking read. */
@RestController
public class InboxController {

    private static final int PAGE = 30;

    private final NotificationService notifications;
    private final NotificationWebSupport web;
    private final DeliveryRepository deliveries;

    InboxController(NotificationService notifications, NotificationWebSupport web, DeliveryRepository deliveries) {
        this.notifications = notifications;
        this.web = web;
        this.deliveries = deliveries;
    }

    public record Item(long id, String kind, String kindLabel, String subject, String body, String link,
            Long consultationId, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    public record Page(long unread, List<Item> items, boolean more) {
    }

    public record Unread(long unread) {
    }

    /** For the portal's badge and the pages' links: unread messages, and failed deliveries for supervisors. */
    public record Summary(long unread, boolean admin, boolean supervisor, long failedDeliveries) {
    }

    @GetMapping("/api/notifications")
    public Page inbox(@RequestParam(required = false) Long before) {
        String userId = web.currentUser();
        List<Notification> rows = notifications.inbox(userId, before, PAGE + 1);
        List<Item> items = rows.stream().limit(PAGE)
                .map(n -> new Item(n.id(), n.kind().name(), n.kind().label(), n.subject(), n.body(), n.link(),
                        n.consultationId(), n.createdAt(), n.readAt()))
                .toList();
        return new Page(notifications.unreadCount(userId), items, rows.size() > PAGE);
    }

    @GetMapping("/api/notifications/summary")
    public Summary summary() {
        String userId = web.currentUser();
        boolean supervisor = web.isSupervisor(userId);
        return new Summary(notifications.unreadCount(userId), web.isAdmin(), supervisor,
                supervisor ? deliveries.countFailed() : 0);
    }

    @GetMapping("/api/notifications/unread-count")
    public Unread unread() {
        return new Unread(notifications.unreadCount(web.currentUser()));
    }

    @PostMapping("/api/notifications/{id}/read")
    public Unread read(@PathVariable long id) {
        String userId = web.currentUser();
        notifications.markRead(userId, id);
        return new Unread(notifications.unreadCount(userId));
    }

    @PostMapping("/api/notifications/read-all")
    public Unread readAll() {
        String userId = web.currentUser();
        notifications.markAllRead(userId);
        return new Unread(0);
    }
}

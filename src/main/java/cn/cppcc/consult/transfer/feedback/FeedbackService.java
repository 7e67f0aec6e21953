package cn.cppcc.consult.transfer.feedback;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.MechanismProgress;
import cn.cppcc.consult.transfer.ResultFollowers;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferDeadlines;
import cn.cppcc.consult.transfer.TransferDeadlines.Limit;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;

/**
 * 反馈: the studio reports adoption and handling of an item to the resident members and to every
 * citizen linked to the topic, in stages as often as there is news, and finally once the item's other
 * mechanisms are finished; the final report gives each citizen a link of their own to rate the result.
 * Also the bean {@code Feedback.bpmn} asks when the rating period closes.
 */
@Service("feedbackService")
@Transactional
public class FeedbackService implements MechanismProgress {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedbackRepository feedback;
    private final TransferService transfers;
    private final ResultFollowers followers;
    private final ConsultationService consultations;
    private final NotificationService notifications;
    private final TransferDeadlines deadlines;
    private final IdentityService identityService;
    private final String publicUrl;

    FeedbackService(FeedbackRepository feedback, TransferService transfers, ResultFollowers followers,
            ConsultationService consultations, NotificationService notifications, TransferDeadlines deadlines,
            IdentityService identityService, @Value("${consult.public-url}") String publicUrl) {
        this.feedback = feedback;
        this.transfers = transfers;
        this.followers = followers;
        this.consultations = consultations;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.identityService = identityService;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.FEEDBACK;
    }

    /** The studio's report, sent by {@link #send}. A final report waits until everything else is finished. */
    public void report(long resultItemId, Adoption adoption, String content, boolean isFinal, String actor) {
        ResultItem item = transfers.item(resultItemId);
        List<FeedbackReport> reports = feedback.findReports(resultItemId);
        if (reports.stream().anyMatch(FeedbackReport::isFinal)) {
            throw new IllegalStateException("已作办结反馈：" + resultItemId);
        }
        if (isFinal) {
            Set<Mechanism> open = transfers.unfinishedHandling(item);
            if (!open.isEmpty()) {
                throw FormValues.invalid(FeedbackProcess.FINAL.name(), "该事项的"
                        + open.stream().map(Mechanism::label).collect(Collectors.joining("、"))
                        + "尚未办结，暂只能作阶段反馈");
            }
        }
        feedback.insertReport(resultItemId, reports.size() + 1, isFinal, adoption, content, actor, EngineClock.now());
    }

    /**
     * Sends the latest report to the resident members and the citizens; with the final report each
     * citizen gets a rating link of their own. Answers whether anyone was invited to rate.
     */
    public boolean send(long resultItemId) {
        List<FeedbackReport> reports = feedback.findReports(resultItemId);
        FeedbackReport report = reports.get(reports.size() - 1);
        if (report.sentAt() != null) {
            throw new IllegalStateException("反馈已发送：" + report.id());
        }
        ResultItem item = transfers.item(resultItemId);
        Consultation c = consultations.get(item.consultationId());
        Topic topic = consultations.topicOf(c);
        String members = followers.residentMembers(c.placeCode());
        notifications.toGroups(List.of(members), Message.of(MessageTemplate.RESULT_FEEDBACK, c.id())
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.ITEM, item.content())
                .with(Placeholder.ADOPTION, report.adoption().label())
                .with(Placeholder.RESULT, report.content())
                .with(Placeholder.FEEDBACK_KIND, report.kindLabel()));
        List<Long> citizens = followers.citizensOf(c);
        OffsetDateTime now = EngineClock.now();
        if (report.isFinal()) {
            OffsetDateTime closesAt = now.plus(deadlines.of(Limit.RATING_WINDOW, c.placeCode()));
            for (long citizenId : citizens) {
                String token = newToken();
                feedback.insertRating(resultItemId, citizenId, token, now, closesAt);
                notifications.toCitizens(List.of(citizenId), Message.of(MessageTemplate.SATISFACTION_SURVEY, c.id())
                        .with(Placeholder.TOPIC, topic.title())
                        .with(Placeholder.ITEM, item.content())
                        .with(Placeholder.ADOPTION, report.adoption().label())
                        .with(Placeholder.RESULT, report.content())
                        .with(Placeholder.CLOSING_TIME, TransferTexts.time(closesAt))
                        .link(publicUrl + "/public/rate.html?t=" + token));
            }
        } else {
            notifications.toCitizens(citizens, Message.of(MessageTemplate.RESULT_FEEDBACK_CITIZEN, c.id())
                    .with(Placeholder.TOPIC, topic.title())
                    .with(Placeholder.ITEM, item.content())
                    .with(Placeholder.ADOPTION, report.adoption().label())
                    .with(Placeholder.RESULT, report.content())
                    .with(Placeholder.FEEDBACK_KIND, report.kindLabel()));
        }
        int memberCount = (int) identityService.createUserQuery().memberOfGroup(members).count();
        feedback.updateSent(report.id(), memberCount, citizens.size(), now);
        transfers.record(item, Mechanism.FEEDBACK, report.kindLabel(), report.reportedBy(),
                report.adoption().label() + "：" + report.content() + "（发送住地政协委员" + memberCount + "人、群众"
                        + citizens.size() + "人）");
        return report.isFinal() && !citizens.isEmpty();
    }

    /** When citizens may no longer rate: {@code ${feedbackService.ratingsCloseAt(resultItemId)}}. */
    @Transactional(readOnly = true)
    public Date ratingsCloseAt(long resultItemId) {
        return feedback.findRatings(resultItemId).stream().map(SatisfactionRating::closesAt).max(OffsetDateTime::compareTo)
                .map(t -> Date.from(t.toInstant()))
                .orElseThrow(() -> new IllegalStateException("没有邀请群众评价：" + resultItemId));
    }

    /** All have rated, or the period is over: the feedback closes with the satisfaction it reached. */
    public void close(long resultItemId) {
        List<FeedbackReport> reports = feedback.findReports(resultItemId);
        SatisfactionStats stats = stats(resultItemId);
        String outcome = "反馈" + reports.size() + "次，办结反馈送达住地政协委员和群众"
                + (stats.invited() == 0 ? "（无登记群众）" : "；" + stats.text());
        transfers.finish(resultItemId, Mechanism.FEEDBACK, outcome, null);
    }

    @Transactional(readOnly = true)
    public List<FeedbackReport> reports(long resultItemId) {
        return feedback.findReports(resultItemId);
    }

    @Transactional(readOnly = true)
    public Optional<FeedbackReport> finalReport(long resultItemId) {
        return reports(resultItemId).stream().filter(FeedbackReport::isFinal).findFirst();
    }

    @Transactional(readOnly = true)
    public List<SatisfactionRating> ratings(long resultItemId) {
        return feedback.findRatings(resultItemId);
    }

    @Transactional(readOnly = true)
    public SatisfactionStats stats(long resultItemId) {
        return feedback.stats(List.of(resultItemId));
    }

    @Transactional(readOnly = true)
    public SatisfactionStats stats(List<Long> resultItemIds) {
        return feedback.stats(resultItemIds);
    }

    @Override
    @Transactional(readOnly = true)
    public String stateOf(ResultItem item) {
        List<FeedbackReport> reports = reports(item.id());
        if (reports.isEmpty()) {
            return "待反馈";
        }
        FeedbackReport last = reports.get(reports.size() - 1);
        if (!last.isFinal()) {
            return "已作阶段反馈" + reports.size() + "次（" + last.adoption().label() + "）";
        }
        SatisfactionStats stats = stats(item.id());
        boolean awaiting = stats.invited() > 0 && !transfers.finished(item.id(), Mechanism.FEEDBACK);
        return "已作办结反馈（" + last.adoption().label() + "）"
                + (awaiting ? "，等待群众评价（已评价" + stats.rated() + "/" + stats.invited() + "人）" : "");
    }

    /** 32 random bytes: a link nobody can guess, one per citizen and item. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

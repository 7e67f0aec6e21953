package cn.cppcc.consult.transfer.feedback;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;

/**
 * A citizen's satisfaction rating, reached through the link in the final feedback: one per citizen and
 * item, while the rating period is open. The last rating of an item ends its feedback at once.
 */
@Service
@Transactional
public class RatingService {

    private final FeedbackRepository feedback;
    private final FeedbackService feedbackService;
    private final TransferService transfers;
    private final ConsultationService consultations;
    private final RuntimeService runtimeService;

    RatingService(FeedbackRepository feedback, FeedbackService feedbackService, TransferService transfers,
            ConsultationService consultations, RuntimeService runtimeService) {
        this.feedback = feedback;
        this.feedbackService = feedbackService;
        this.transfers = transfers;
        this.consultations = consultations;
        this.runtimeService = runtimeService;
    }

    public enum State {
        OPEN("请评价"), RATED("已评价"), CLOSED("评价已截止");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the rating page shows: the topic, the item and its final feedback, nothing about any person. */
    public record RatingPage(String topicTitle, String consultationNumber, String itemContent, String adoption,
            String feedback, State state, String rating, OffsetDateTime closesAt) {
    }

    /** Why a rating was not recorded. */
    public static final class NotRecorded extends RuntimeException {

        private final State state;

        NotRecorded(State state, String message) {
            super(message);
            this.state = state;
        }

        public State state() {
            return state;
        }
    }

    @Transactional(readOnly = true)
    public Optional<RatingPage> page(String token) {
        return feedback.findRating(token).map(r -> {
            ResultItem item = transfers.item(r.resultItemId());
            Consultation c = consultations.get(item.consultationId());
            FeedbackReport report = feedbackService.finalReport(item.id()).orElseThrow();
            return new RatingPage(consultations.topicOf(c).title(), c.number(), item.content(),
                    report.adoption().label(), report.content(), stateOf(r),
                    r.rating() == null ? null : r.rating().label(), r.closesAt());
        });
    }

    /** Records the rating; the item's feedback ends if it was the last one awaited. */
    public void rate(String token, Satisfaction rating, String comment) {
        SatisfactionRating invitation = feedback.findRating(token)
                .orElseThrow(() -> new NotRecorded(null, "评价链接无效"));
        feedback.lockItem(invitation.resultItemId());
        OffsetDateTime now = EngineClock.now();
        if (!feedback.rate(token, rating, comment, now)) {
            SatisfactionRating current = feedback.findRating(token).orElseThrow();
            State state = stateOf(current);
            throw new NotRecorded(state, state == State.RATED ? "您已评价过该事项，感谢您的参与"
                    : "评价已于" + TransferTexts.time(current.closesAt()) + "截止");
        }
        ResultItem item = transfers.item(invitation.resultItemId());
        transfers.record(item, Mechanism.FEEDBACK, "群众评价：" + rating.label(), null, null);
        if (feedback.unrated(item.id()) == 0) {
            runtimeService.createMessageCorrelation(FeedbackProcess.MESSAGE_RATINGS_COMPLETE)
                    .processInstanceBusinessKey(consultations.get(item.consultationId()).number())
                    .processInstanceVariableEquals(TransferProcess.RESULT_ITEM_ID.name(), item.id())
                    .correlateAllWithResult();
        }
    }

    private static State stateOf(SatisfactionRating r) {
        if (r.ratedAt() != null) {
            return State.RATED;
        }
        return EngineClock.now().isBefore(r.closesAt()) ? State.OPEN : State.CLOSED;
    }
}

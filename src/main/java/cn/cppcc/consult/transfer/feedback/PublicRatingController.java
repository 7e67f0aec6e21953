package cn.cppcc.consult.transfer.feedback;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferTexts;
import cn.cppcc.consult.transfer.feedback.RatingService.NotRecorded;
import cn.cppcc.consult.transfer.feedback.RatingService.RatingPage;
import cn.cppcc.consult.transfer.feedback.RatingService.State;

/**
 * {@code /api/public/ratings/{token}}: the citizen's rating page (no login; the token in the link is
 * the only key, and it shows nothing about any person).
 */
@RestController
public class PublicRatingController {

    private static final int MAX_COMMENT = 500;

    private final RatingService ratings;

    PublicRatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    public record RatingView(String topicTitle, String consultationNumber, String itemContent, String adoption,
            String feedback, String state, String stateLabel, String rating, String closesAt) {

        static RatingView of(RatingPage page) {
            return new RatingView(page.topicTitle(), page.consultationNumber(), page.itemContent(), page.adoption(),
                    page.feedback(), page.state().name(), page.state().label(), page.rating(),
                    TransferTexts.time(page.closesAt()));
        }
    }

    public record RatingRequest(String rating, String comment) {
    }

    @GetMapping("/api/public/ratings/{token}")
    public ResponseEntity<?> page(@PathVariable String token) {
        return ratings.page(token).<ResponseEntity<?>>map(page -> ResponseEntity.ok(RatingView.of(page)))
                .orElseGet(() -> message(HttpStatus.NOT_FOUND, "评价链接无效，请核对短信中的链接"));
    }

    @PostMapping("/api/public/ratings/{token}")
    public ResponseEntity<?> rate(@PathVariable String token, @RequestBody(required = false) RatingRequest request) {
        Satisfaction rating;
        try {
            rating = Satisfaction.valueOf(request == null || request.rating() == null ? "" : request.rating());
        } catch (IllegalArgumentException e) {
            return message(HttpStatus.BAD_REQUEST, "请选择满意、基本满意或不满意");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            return message(HttpStatus.BAD_REQUEST, "意见建议不能超过" + MAX_COMMENT + "个字");
        }
        try {
            ratings.rate(token, rating, comment);
        } catch (NotRecorded e) {
            HttpStatus status = e.state() == null ? HttpStatus.NOT_FOUND
                    : e.state() == State.RATED ? HttpStatus.CONFLICT : HttpStatus.GONE;
            return message(status, e.getMessage());
        } catch (OptimisticLockingException e) {
            return message(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，您的评价未能保存，请稍后再试");
        }
        return ResponseEntity.ok(Map.of("message", "感谢您的评价！"));
    }

    private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}

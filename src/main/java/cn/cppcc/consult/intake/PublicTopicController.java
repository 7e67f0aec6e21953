package cn.cppcc.consult.intake;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.security.PublicRateLimiter;
import cn.cppcc.consult.security.PublicRateLimiter.Action;
import cn.cppcc.consult.security.PublicRateLimiter.Verdict;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicRepository;
import cn.cppcc.consult.topic.TopicStatus;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The citizens' topic page (网络征题), no login: the places to choose from, submitting a topic, and
 * looking up its status with the receipt number and the mobile number. Every answer is JSON with a
 * Chinese {@code message}; a refused field is named in {@code field}. Requests are limited per
 * client ({@link PublicRateLimiter}) and in size; nothing is written unless everything is valid.
 */
@RestController
@RequestMapping("/api/public")
public class PublicTopicController {

    /** The largest body accepted: a full description is ~6 KB of UTF-8, or ~12 KB with every character escaped. */
    public static final int MAX_BODY_BYTES = 32 * 1024;
    static final String NOT_FOUND = "未找到对应的议题，请核对回执号和手机号码";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final IntakeService intake;
    private final PlaceRepository places;
    private final TopicRepository topics;
    private final CitizenRepository citizens;
    private final PublicRateLimiter rateLimiter;
    private final ObjectMapper json;

    PublicTopicController(IntakeService intake, PlaceRepository places, TopicRepository topics,
            CitizenRepository citizens, PublicRateLimiter rateLimiter, ObjectMapper json) {
        this.intake = intake;
        this.places = places;
        this.topics = topics;
        this.citizens = citizens;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    public record Village(String code, String name) {
    }

    public record Township(String code, String name, String countyName, List<Village> villages) {
    }

    /** Townships (乡镇、街道) and their villages (村、社区) to choose from. */
    @GetMapping("/places")
    public List<Township> places() {
        List<Place> all = places.findAll();
        Map<String, Place> byCode = new LinkedHashMap<>();
        all.forEach(p -> byCode.put(p.code(), p));
        return all.stream()
                .filter(p -> p.level() == PlaceLevel.TOWNSHIP)
                .map(t -> new Township(t.code(), t.name(),
                        t.parentCode() == null ? "" : byCode.get(t.parentCode()).name(),
                        all.stream().filter(v -> v.level() == PlaceLevel.VILLAGE && t.code().equals(v.parentCode()))
                                .map(v -> new Village(v.code(), v.name())).toList()))
                .toList();
    }

    @PostMapping("/topics")
    public ResponseEntity<Map<String, Object>> submit(HttpServletRequest request) throws IOException {
        return guarded(request, Action.SUBMIT, body -> {
            IntakeService.Receipt receipt = intake.submitOnline(OnlineSubmission.from(body));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                    "receiptNumber", receipt.receiptNumber(),
                    "status", receipt.status().label(),
                    "message", "提交成功。请牢记回执号 " + receipt.receiptNumber() + "，凭回执号和手机号码可查询办理情况。"));
        });
    }

    /** The status of one's own topic: the receipt number and the submitter's mobile number must match. */
    @PostMapping("/topics/status")
    public ResponseEntity<Map<String, Object>> status(HttpServletRequest request) throws IOException {
        return guarded(request, Action.LOOKUP, body -> {
            String receipt = lookupField(body, "receiptNumber", "请填写回执号");
            String mobile = lookupField(body, "mobile", "请填写手机号码");
            return citizens.topicRaisedBy(ReceiptNumbers.normalise(receipt), mobile)
                    .flatMap(topics::find)
                    .map(this::statusOf)
                    .orElseGet(() -> message(HttpStatus.NOT_FOUND, NOT_FOUND));
        });
    }

    private ResponseEntity<Map<String, Object>> statusOf(Topic topic) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("receiptNumber", topics.details(topic.id()).receiptNumber());
        answer.put("title", topic.title());
        answer.put("submittedOn", DAY.format(topic.createdAt().atZoneSameInstant(FormValues.ZONE)));
        answer.put("status", topic.status().label());
        if (topic.status() == TopicStatus.REJECTED) {
            answer.put("reason", topic.rejectionReason());
        }
        return ResponseEntity.ok(answer);
    }

    private static String lookupField(Map<String, ?> body, String key, String missing) {
        Object value = body.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw FormValues.invalid(key, missing);
        }
        if (text.length() > 20) {
            throw FormValues.invalid(key, NOT_FOUND);
        }
        return text.strip();
    }

    @FunctionalInterface
    interface Handler {
        ResponseEntity<Map<String, Object>> handle(Map<String, Object> body);
    }

    /** Rate limit, size limit and JSON first; a refused value is answered 400 with its field. */
    private ResponseEntity<Map<String, Object>> guarded(HttpServletRequest request, Action action, Handler handler)
            throws IOException {
        Verdict verdict = rateLimiter.tryConsume(action, request.getRemoteAddr());
        if (!verdict.allowed()) {
            long minutes = Math.max(1, (verdict.retryAfterSeconds() + 59) / 60);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()))
                    .body(Map.of("message", "操作过于频繁，请" + minutes + "分钟后再试"));
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return message(HttpStatus.PAYLOAD_TOO_LARGE, "提交的内容过长，请精简后再提交");
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return message(HttpStatus.PAYLOAD_TOO_LARGE, "提交的内容过长，请精简后再提交");
        }
        Map<String, Object> body;
        try {
            body = json.readValue(bytes, new TypeReference<>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return message(HttpStatus.BAD_REQUEST, "提交的内容格式无效");
        }
        if (body == null) {
            return message(HttpStatus.BAD_REQUEST, "提交的内容格式无效");
        }
        try {
            return handler.handle(body);
        } catch (FormFieldValidationException invalid) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("field", invalid.getDetail());
            answer.put("message", invalid.getMessage());
            return ResponseEntity.badRequest().body(answer);
        }
    }

    private static ResponseEntity<Map<String, Object>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}

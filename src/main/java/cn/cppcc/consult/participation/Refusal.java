package cn.cppcc.consult.participation;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request refused with a Chinese message the page shows as it is, and the HTTP status that fits. */
public class Refusal extends ResponseStatusException {

    public Refusal(HttpStatus status, String message) {
        super(status, message);
    }

    /** The Chinese message alone (the status is answered separately). */
    @Override
    public String getMessage() {
        return getReason();
    }

    static Refusal invalid(String message) {
        return new Refusal(HttpStatus.BAD_REQUEST, message);
    }

    static Refusal notRegistered() {
        return new Refusal(HttpStatus.UNAUTHORIZED, "请先用手机号实名登记");
    }

    static Refusal forbidden(String message) {
        return new Refusal(HttpStatus.FORBIDDEN, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(HttpStatus.NOT_FOUND, message);
    }

    static Refusal conflict(String message) {
        return new Refusal(HttpStatus.CONFLICT, message);
    }

    static Refusal tooMany(String message) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, message);
    }

    static Refusal unavailable(String message) {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, message);
    }

    /**
     * A wrong, expired, used or exhausted code. Its transaction still commits (the wrong try is
     * counted), so registration throws it before writing anything else.
     */
    static final class CodeRejected extends Refusal {
        CodeRejected(String message) {
            super(HttpStatus.BAD_REQUEST, message);
        }
    }
}

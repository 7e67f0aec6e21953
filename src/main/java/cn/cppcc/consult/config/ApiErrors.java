package cn.cppcc.consult.config;

import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

import cn.cppcc.consult.security.AccessDenied;

/**
 * How every API of ours (staff {@code /api}, citizens' {@code /api/public}) answers a refusal: the
 * status that says what went wrong and {@code {"message": "…"}} in Chinese, which the pages show.
 * Global, not limited to our packages: an upload refused before any controller is chosen has no
 * handler to match a package by.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final DataSize maxFileSize;

    ApiErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        return answer(HttpStatus.valueOf(e.getStatusCode().value()), String.valueOf(e.getReason()));
    }

    @ExceptionHandler({IllegalArgumentException.class, FormFieldValidationException.class})
    ResponseEntity<Map<String, String>> invalid(RuntimeException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A body that is not JSON, or a required parameter missing. */
    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, String>> malformed(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "请求内容格式不正确");
    }

    /** A parameter that is not a number where one is asked for, and the like. */
    @ExceptionHandler({BindException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e) {
        String field = e instanceof BindException bind && bind.getFieldError() != null ? bind.getFieldError().getField()
                : e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : "";
        return answer(HttpStatus.BAD_REQUEST, "参数“" + field + "”的取值无效");
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDenied e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage() == null ? "未找到" : e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        // Tomcat's part-count limit (server.tomcat.max-part-count) arrives as a size limit
        if (Failure.find(e, FileCountLimitExceededException.class) != null) {
            return badUpload(e);
        }
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大，单个文件不能超过" + maxFileSize.toMegabytes() + "MB");
    }

    /** Too many parts ({@code server.tomcat.max-part-count}) or a body that is not well-formed multipart. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> badUpload(MultipartException e) {
        return answer(HttpStatus.BAD_REQUEST, "上传内容的格式不正确或分段过多，请一次上传一个文件");
    }

    /**
     * The engine or the database failed: a lost race (409), the database away (503, see {@link Failure}),
     * otherwise a server error, logged, with a message that says so in Chinese.
     */
    @ExceptionHandler({ProcessEngineException.class, DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, String>> failed(RuntimeException e) {
        Failure failure = Failure.of(e, false);
        if (failure == null) {
            log.error("Request failed", e);
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，本次操作未生效；请稍后重试或联系管理员");
        }
        log.info("Request refused with {}: {}", failure.status(), e.toString());
        ResponseEntity<Map<String, String>> answer = answer(HttpStatus.valueOf(failure.status()), failure.message());
        return failure.status() == Failure.UNAVAILABLE
                ? ResponseEntity.status(answer.getStatusCode()).header("Retry-After", String.valueOf(Failure.RETRY_AFTER_SECONDS)).body(answer.getBody())
                : answer;
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}

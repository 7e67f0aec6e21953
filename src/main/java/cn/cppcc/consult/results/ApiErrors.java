package cn.cppcc.consult.results;

import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import cn.cppcc.consult.transfer.assignment.ProgressAttachments;

/** The results pages' APIs answer refusals as {@code {"message": "…"}} in Chinese, as the pages show them. */
@RestControllerAdvice(basePackages = {"cn.cppcc.consult.results", "cn.cppcc.consult.transfer"})
class ApiErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Map.of("message", String.valueOf(e.getReason())));
    }

    @ExceptionHandler(ProgressAttachments.Refused.class)
    ResponseEntity<Map<String, String>> attachmentRefused(ProgressAttachments.Refused e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "未找到"));
    }
}

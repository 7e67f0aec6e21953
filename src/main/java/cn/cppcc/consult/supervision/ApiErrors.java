package cn.cppcc.consult.supervision;

import java.util.Map;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The supervision, statistics, talent-pool, venue and assessment APIs answer a refused request with
 * its Chinese message: 400 for bad input, 403 for a place outside the user's scope, 404 for an
 * unknown record.
 */
@RestControllerAdvice(basePackages = {"cn.cppcc.consult.supervision", "cn.cppcc.consult.talent",
        "cn.cppcc.consult.venue", "cn.cppcc.consult.assessment"})
class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, FormFieldValidationException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }

    /** A parameter that is not a number where one is asked for, and the like. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, String>> unreadable(BindException e) {
        String field = e.getFieldError() == null ? "" : e.getFieldError().getField();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", "参数“" + field + "”的取值无效"));
    }

    @ExceptionHandler(PlaceScope.AccessDenied.class)
    ResponseEntity<Map<String, String>> forbidden(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }
}

package cn.cppcc.consult.results;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit is refused before any controller is chosen, so this answer
 * applies to every upload: 413 with a Chinese message (lowest precedence: a more specific advice wins).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadTooLarge {

    private final DataSize maxFileSize;

    UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of("message", "上传的文件太大，单个文件不能超过" + maxFileSize.toMegabytes() + "MB"));
    }
}

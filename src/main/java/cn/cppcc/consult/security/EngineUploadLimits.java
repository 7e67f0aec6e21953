package cn.cppcc.consult.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Size and part-count limits of the engine's own uploads: deployments ({@code POST
 * /deployment/create}) and file variables ({@code POST …/variables/{name}/data}) of the engine REST
 * API and of the webapps' engine API. Camunda 7.24 reads those multipart bodies itself (commons
 * fileupload, every part into memory, no limit), outside Tomcat's and Spring's multipart limits,
 * which guard the platform's own {@code /api} uploads ({@code spring.servlet.multipart.*},
 * {@code server.tomcat.max-part-count}).
 *
 * <p>A body over {@code consult.http.engine-upload.max-request-size} is answered 413, a multipart
 * body with more than {@code max-parts} parts 400, both in Chinese and before the engine reads a
 * byte. The body is read at most to the limit (the engine would hold it in memory all the same).
 */
@Configuration
public class EngineUploadLimits {

    @Bean
    FilterRegistrationBean<LimitFilter> engineUploadLimitFilter(
            @Value("${consult.http.engine-upload.max-request-size:11MB}") DataSize maxRequestSize,
            @Value("${consult.http.engine-upload.max-parts:100}") int maxParts) {
        FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(
                new LimitFilter(maxRequestSize.toBytes(), maxParts));
        registration.setName("engine-upload-limits");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final long maxBytes;
        private final int maxParts;

        LimitFilter(long maxBytes, int maxParts) {
            this.maxBytes = maxBytes;
            this.maxParts = maxParts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType();
            boolean multipart = contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
            if (!multipart) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > maxBytes) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
                return;
            }
            String boundary = boundary(contentType);
            if (boundary == null) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "上传内容的格式不正确（缺少分段边界）");
                return;
            }
            if (parts(body, boundary) > maxParts) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "上传内容的分段过多，一次最多" + maxParts + "个");
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
        }

        private String tooLarge() {
            return "上传的内容太大，一次不能超过" + DataSize.ofBytes(maxBytes).toMegabytes() + "MB";
        }

        /** The number of parts: delimiter lines ({@code --boundary} at a line's start), the closing one not counted. */
        static int parts(byte[] body, String boundary) {
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int count = 0;
            for (int i = 0; i + delimiter.length <= body.length; i++) {
                boolean lineStart = i == 0 || (i >= 2 && body[i - 2] == '\r' && body[i - 1] == '\n');
                if (lineStart && matches(body, i, delimiter)) {
                    int end = i + delimiter.length;
                    boolean closing = end + 1 < body.length && body[end] == '-' && body[end + 1] == '-';
                    if (!closing) {
                        count++;
                    }
                    i = end - 1;
                }
            }
            return count;
        }

        private static boolean matches(byte[] body, int at, byte[] delimiter) {
            for (int j = 0; j < delimiter.length; j++) {
                if (body[at + j] != delimiter[j]) {
                    return false;
                }
            }
            return true;
        }

        static String boundary(String contentType) {
            for (String parameter : contentType.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                    String value = trimmed.substring("boundary=".length());
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value.isEmpty() ? null : value;
                }
            }
            return null;
        }

        private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json;charset=UTF-8");
            // the engine REST API's own error shape
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
        }
    }

    /** The request with its body already read. */
    static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

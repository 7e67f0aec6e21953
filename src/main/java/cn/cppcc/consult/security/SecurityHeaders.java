package cn.cppcc.consult.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The HTTP security headers of every answer.
 *
 * <ul>
 *   <li>The project's pages and APIs ({@code /app}, {@code /public}, {@code /api}): a content
 *   security policy that allows only the platform's own script and style files (no inline script,
 *   no {@code on…=} handler, no inline style), no framing, no plugins. The Camunda webapps
 *   ({@code /camunda}) get Camunda's own policy ({@code camunda.bpm.webapp.header-security}), which
 *   they need; the engine REST API answers JSON only.</li>
 *   <li>Everywhere: {@code X-Content-Type-Options: nosniff}, a referrer policy, no framing.</li>
 *   <li>Served over HTTPS (directly, or behind a trusted proxy that sends {@code X-Forwarded-Proto:
 *   https}, see {@code server.tomcat.remoteip}): {@code Strict-Transport-Security}, and every cookie
 *   set in the answer marked {@code Secure} (Camunda's {@code XSRF-TOKEN}, the sign-in of the public
 *   pages; Tomcat marks its session cookie itself).</li>
 * </ul>
 */
@Configuration
public class SecurityHeaders {

    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String CAMUNDA_WEBAPPS = "/camunda/";
    static final String ENGINE_REST = "/engine-rest/";

    @Bean
    FilterRegistrationBean<HeadersFilter> securityHeadersFilter(
            @Value("${consult.http.hsts-max-age:P365D}") Duration hstsMaxAge) {
        FilterRegistrationBean<HeadersFilter> registration = new FilterRegistrationBean<>(new HeadersFilter(hstsMaxAge));
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        // first of all filters, so the cookies every later filter sets pass through it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class HeadersFilter extends OncePerRequestFilter {

        private final String hsts;

        HeadersFilter(Duration hstsMaxAge) {
            this.hsts = "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!path.startsWith(CAMUNDA_WEBAPPS)) {
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Content-Security-Policy", POLICY);
                response.setHeader("Referrer-Policy", path.startsWith("/public/") || path.startsWith("/api/public/")
                        ? "no-referrer" : "same-origin");
                response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            }
            if (request.isSecure()) {
                response.setHeader("Strict-Transport-Security", hsts);
                chain.doFilter(request, new SecureCookies(response));
            } else {
                chain.doFilter(request, response);
            }
        }
    }

    /** Marks every cookie of an answer sent over HTTPS {@code Secure}. */
    static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value == null || !"set-cookie".equalsIgnoreCase(name)
                    || value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?$")) {
                return value;
            }
            return value + "; Secure";
        }
    }
}

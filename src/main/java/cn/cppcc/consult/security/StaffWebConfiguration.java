package cn.cppcc.consult.security;

import java.io.IOException;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The project's own pages and APIs use the login of the Camunda webapps: whoever is logged in to
 * Tasklist is logged in here, with the same session, the same CSRF token (cookie {@code XSRF-TOKEN},
 * header {@code X-XSRF-TOKEN}) and the same engine authentication, so authorization checks apply.
 *
 * <ul>
 *   <li>{@code /app/**}, {@code /api/**}: staff; an API call without a login is answered 401.</li>
 *   <li>{@code /public/**}, {@code /api/public/**}: citizens, no login.</li>
 * </ul>
 */
@Configuration
public class StaffWebConfiguration {

    static final String PUBLIC_API = "/api/public/";

    /** Camunda's own webapp authentication: reads the login from the session and runs the request as that user. */
    @Bean
    FilterRegistrationBean<AuthenticationFilter> staffAuthentication() {
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(new AuthenticationFilter());
        registration.setName("staff-authentication");
        registration.addUrlPatterns("/api/*", "/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Camunda's CSRF prevention, on every staff API call that changes something. */
    @Bean
    FilterRegistrationBean<StaffOnly> staffCsrfPrevention() {
        FilterRegistrationBean<StaffOnly> registration = new FilterRegistrationBean<>(new StaffOnly(new CsrfPreventionFilter()));
        registration.setName("staff-csrf-prevention");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginRequired> staffLoginRequired() {
        FilterRegistrationBean<LoginRequired> registration = new FilterRegistrationBean<>(new LoginRequired());
        registration.setName("staff-login-required");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    static boolean isPublic(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith(PUBLIC_API);
    }

    /** Applies a filter to staff API calls only. */
    static final class StaffOnly extends OncePerRequestFilter {

        private final jakarta.servlet.Filter delegate;

        StaffOnly(jakarta.servlet.Filter delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void initFilterBean() throws ServletException {
            delegate.init(getFilterConfig());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isPublic(request)) {
                chain.doFilter(request, response);
            } else {
                delegate.doFilter(request, response, chain);
            }
        }
    }

    /** A staff API call without a login is answered 401, in Chinese. */
    static final class LoginRequired extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isPublic(request) || StaffContext.currentUserId().isPresent()) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"请先登录\"}");
        }
    }
}

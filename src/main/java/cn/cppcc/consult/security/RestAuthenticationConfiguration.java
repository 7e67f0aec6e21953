package cn.cppcc.consult.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.config.Failure;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine REST API has no authentication in the starter; here every call must carry a user's
 * credentials (HTTP Basic, as Camunda Modeler and scripts send them) and runs as that user.
 */
@Configuration
public class RestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new AnsweringOutages());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /**
     * Checking the password reads the database before the REST API's own error answers apply: with
     * the database away, the caller gets the same 503 and Chinese message as from the API itself
     * (see {@code config.EngineRestErrors}), not the servlet container's error page.
     */
    static class AnsweringOutages extends ProcessEngineAuthenticationFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                super.doFilter(request, response, chain);
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e, false);
                if (failure == null || failure.status() != Failure.UNAVAILABLE || response.isCommitted()) {
                    throw e;
                }
                HttpServletResponse http = (HttpServletResponse) response;
                http.setStatus(failure.status());
                http.setHeader("Retry-After", String.valueOf(Failure.RETRY_AFTER_SECONDS));
                http.setContentType("application/json");
                http.setCharacterEncoding(StandardCharsets.UTF_8.name());
                http.getWriter().write(JSON.writeValueAsString(
                        Map.of("type", failure.cause().getClass().getSimpleName(), "message", failure.message())));
            }
        }
    }
}

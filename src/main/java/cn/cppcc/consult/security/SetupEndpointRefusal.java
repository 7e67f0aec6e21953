package cn.cppcc.consult.security;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CVE-2026-77226: Admin's first-run setup ({@code /camunda/api/admin/setup/{engine}/user/create})
 * creates an administrator when it believes none exists, and 7.24.0 can be led to believe so. Here an
 * administrator always exists (the {@code camunda-admin} account is created on start from the
 * environment, {@code camunda.bpm.admin-user}), so the endpoint has nothing to do: every request to
 * it is refused, whoever sends it, before Camunda sees it.
 */
@Configuration
public class SetupEndpointRefusal {

    static final String SETUP = "/camunda/api/admin/setup/*";

    @Bean
    FilterRegistrationBean<Refuse> adminSetupRefusal() {
        FilterRegistrationBean<Refuse> registration = new FilterRegistrationBean<>(new Refuse());
        registration.setName("admin-setup-refusal");
        registration.addUrlPatterns(SETUP);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Refuse extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":"
                    + "\"平台已配置管理员，初始化设置不可用；请由管理员在“系统管理”中添加用户\"}");
        }
    }
}

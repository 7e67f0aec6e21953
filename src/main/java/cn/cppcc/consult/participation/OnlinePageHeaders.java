package cn.cppcc.consult.participation;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public online consultation page shows what strangers write. Besides building the page with
 * text only, its responses forbid any script but its own ({@code Content-Security-Policy}), content
 * sniffing, framing and referrers, so an opinion can never run as code.
 */
@Configuration
class OnlinePageHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> onlinePageHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "no-referrer");
                if (request.getRequestURI().startsWith(request.getContextPath() + PublicOnlineController.BASE)) {
                    // answers about a person (who is signed in, their hidden opinions) stay out of shared caches
                    response.setHeader("Cache-Control", "no-store");
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("online-page-headers");
        registration.addUrlPatterns(OnlineLinks.PAGE, OnlineLinks.ASSETS + "*", PublicOnlineController.BASE + "/*");
        return registration;
    }
}

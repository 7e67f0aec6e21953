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
 * The public online consultation page shows what strangers write. It builds the page with text
 * only, and its answers carry the platform's content security policy ({@code
 * security.SecurityHeaders}); answers about a person stay out of shared caches.
 */
@Configuration
class OnlinePageHeaders {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> onlinePageHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // answers about a person (who is signed in, their hidden opinions) stay out of shared caches
                response.setHeader("Cache-Control", "no-store");
                chain.doFilter(request, response);
            }
        });
        registration.setName("online-page-headers");
        registration.addUrlPatterns(PublicOnlineController.BASE + "/*");
        return registration;
    }
}

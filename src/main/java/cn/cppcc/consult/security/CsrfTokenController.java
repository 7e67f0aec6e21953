package cn.cppcc.consult.security;

import java.util.Map;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/csrf-token}: the session's CSRF token for the staff pages. Camunda's CSRF filter
 * scopes its {@code XSRF-TOKEN} cookie to {@code /camunda} and sends the token header only when it
 * creates the token, so pages under {@code /app} cannot otherwise learn it. Same-origin only: no
 * other site can read this answer.
 */
@RestController
public class CsrfTokenController {

    @GetMapping("/api/csrf-token")
    public Map<String, String> token(HttpServletRequest request) {
        Object token = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return Map.of("token", token == null ? "" : token.toString());
    }
}

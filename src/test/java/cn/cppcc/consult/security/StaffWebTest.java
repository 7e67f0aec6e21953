package cn.cppcc.consult.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.WebSession;

/** The project's staff pages and APIs share the Camunda webapp login, session and CSRF protection. */
@ConsultTest
class StaffWebTest {

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;

    @Test
    void staffApisNeedTheWebappLogin() {
        HttpResponse<String> anonymous = new WebSession(port).get("/api/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("请先登录");

        WebSession session = WebSession.loggedIn(port, "yunling.liaison", password);
        HttpResponse<String> me = session.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"yunling.liaison\"", "云岭镇政协联络组", "\"placeCode\":\"yunling\"");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        WebSession session = WebSession.loggedIn(port, "yunling.party", password);
        assertThat(session.postJsonWithoutCsrfToken("/api/me", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void theStaffPortalIsServed() {
        HttpResponse<String> page = new WebSession(port).get("/app/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("政协协商与基层协商衔接平台");
    }
}

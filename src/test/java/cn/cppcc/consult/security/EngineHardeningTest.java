package cn.cppcc.consult.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.cppcc.consult.config.EngineRestErrors;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.WebSession;

/**
 * The compensations for 7.24.0's known holes, over real HTTP: Admin's first-run setup never creates
 * a user, query expressions beyond the harmless functions are refused before they are evaluated, an
 * account locks after repeated wrong passwords.
 */
@ConsultTest
class EngineHardeningTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired OrganisationService organisation;
    @Value("${consult.demo.password}") String password;

    /** Lists are paged, as Tasklist pages them (queryMaxResultsLimit refuses unbounded lists). */
    static final String PAGE = "?firstResult=0&maxResults=50";

    EngineRest rest;

    @BeforeEach
    void connect() {
        rest = new EngineRest(http, port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void adminSetupNeverCreatesAUser() {
        String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@y.cn\"},"
                + "\"credentials\":{\"password\":\"Intruder@2026x\"}}";
        WebSession anonymous = new WebSession(port);
        anonymous.get("/camunda/app/admin/");
        assertThat(WebSession.refused(anonymous.postJson("/camunda/api/admin/setup/default/user/create", user), 403))
                .contains("初始化设置不可用");
        WebSession admin = WebSession.loggedIn(port, "admin", password);
        assertThat(WebSession.refused(admin.postJson("/camunda/api/admin/setup/default/user/create", user), 403))
                .contains("初始化设置不可用");
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void adHocTaskQueriesCarryNoExpressionAtTheTopOrInsideOrQueries() {
        ResponseEntity<Map<String, Object>> top = rest.post("yunling.party", password, "/task" + PAGE,
                Map.of("assigneeExpression", "${currentUser()}"));
        assertThat(top.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(top.getBody().get("message")).isEqualTo(QueryExpressionGuard.ADHOC_REFUSED);
        ResponseEntity<Map<String, Object>> nested = rest.post("yunling.party", password, "/task" + PAGE,
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${execution.getProcessEngine()}"))));
        assertThat(nested.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nested.getBody().get("message")).isEqualTo(QueryExpressionGuard.ADHOC_REFUSED);
        assertThat(rest.post("admin", password, "/task/count",
                Map.of("orQueries", List.of(Map.of("candidateGroupExpression", "${''.getClass()}"))))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.getForText("yunling.party", password, "/task" + PAGE + "&assigneeExpression=%24%7BcurrentUser()%7D")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.getForText("yunling.party", password, "/filter?resourceType=Task").getBody())
                .as("an unpaged list").contains(EngineRestErrors.PAGE_MESSAGE);
        assertThat(rest.postForText("yunling.party", password, "/task" + PAGE, Map.of("assignee", "yunling.party")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void storedFiltersUseOnlyTheHarmlessFunctions() {
        ResponseEntity<Map<String, Object>> allowed = rest.post("admin", password, "/filter/create", filter("允许的过滤器",
                Map.of("assigneeExpression", "${currentUser()}", "dueBeforeExpression",
                        "${dateTime().withTimeAtStartOfDay().plusDays(2).toDate()}",
                        "orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}",
                                "followUpBeforeExpression", "${now()}")))));
        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = (String) allowed.getBody().get("id");
        assertThat(rest.postForText("admin", password, "/filter/" + id + "/list" + PAGE, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        for (Map<String, Object> query : List.of(
                Map.<String, Object>of("assigneeExpression", "${execution}"),
                Map.<String, Object>of("dueBeforeExpression", "${dateTime().getClass().forName('java.lang.Runtime')}"),
                Map.<String, Object>of("orQueries", List.of(Map.of("assigneeExpression", "${''.getClass()}"))))) {
            ResponseEntity<Map<String, Object>> refused = rest.post("admin", password, "/filter/create",
                    filter("越权过滤器", query));
            assertThat(refused.getStatusCode()).as(query.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) refused.getBody().get("message")).startsWith(QueryExpressionGuard.STORED_REFUSED);
        }
        assertThat(rest.put("admin", password, "/filter/" + id, filter("改坏", Map.of("assigneeExpression", "${execution}")))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.postForText("admin", password, "/filter/" + id + "/list" + PAGE,
                Map.of("assigneeExpression", "${currentUser()}")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.postForText("admin", password, "/filter/" + id + "/list" + PAGE,
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.get("admin", password, "/filter/" + id).getBody().get("name")).isEqualTo("允许的过滤器");
        rest.delete("admin", password, "/filter/" + id);
    }

    private static Map<String, Object> filter(String name, Map<String, Object> query) {
        return Map.of("resourceType", "Task", "name", name, "owner", "admin", "query", query, "properties", Map.of());
    }

    @Test
    void anAccountLocksAfterRepeatedWrongPasswords() {
        String user = "lockcheck.user";
        organisation.addUser(user, "锁定", "检查", password);
        assertThat(rest.getList(user, password, "/task" + PAGE).getStatusCode()).isEqualTo(HttpStatus.OK);
        Date now = new Date();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(rest.getList(user, "Wrong@Password1", "/task" + PAGE).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            now = new Date(now.getTime() + Duration.ofMinutes(2).toMillis()); // past each login delay
            ClockUtil.setCurrentTime(now);
        }
        assertThat(rest.getList(user, password, "/task" + PAGE).getStatusCode()).as("locked").isEqualTo(HttpStatus.UNAUTHORIZED);
        identityService.unlockUser(user);
        assertThat(rest.getList(user, password, "/task" + PAGE).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void weakPasswordsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> organisation.addUser("weak.user", "弱", "密码", "123456"))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        assertThat(identityService.createUserQuery().userId("weak.user").count()).isZero();
    }
}

package cn.cppcc.consult.organisation;

import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static cn.cppcc.consult.support.WebSession.ok;
import static cn.cppcc.consult.support.WebSession.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.WebSession;

/**
 * The administrators' organisation page over real HTTP: a village, its role and a person added there
 * work at once, seen by their township and the county, not by another township; nobody else may use it.
 */
@ConsultTest
class OrganisationAdminTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired FixturePlaces fixtures;
    @Value("${consult.demo.password}") String password;

    /** A township of this test's own, so that the village added here is in no other test's tree. */
    static final String TOWN = "orgadmt";

    @Test
    void aPlaceRoleAndPersonAddedByTheAdministratorWorkWithinTheirPlace() {
        fixtures.township(TOWN, "组织镇", 0);
        WebSession admin = WebSession.loggedIn(port, "admin", password);
        ok(admin.postJson("/api/organisation/places",
                "{\"code\":\"orgadmv\",\"name\":\"组织新村\",\"level\":\"VILLAGE\",\"parentCode\":\"" + TOWN + "\"}"));
        ok(admin.postJson("/api/organisation/places/orgadmv/roles", "{\"role\":\"village\"}"));
        ok(admin.postJson("/api/organisation/places/orgadmv/roles", "{\"role\":\"party\"}"));
        ok(admin.postJson("/api/organisation/users", "{\"userId\":\"orgadmv.wang\",\"name\":\"王主任\","
                + "\"password\":\"Xincun@2026a\",\"groupIds\":[\"orgadmv-village\"]}"));
        assertThat(ok(admin.get("/api/organisation"))).contains("组织新村", "orgadmv-village", "orgadmv.wang");

        EngineRest rest = new EngineRest(http, port);
        ResponseEntity<Map<String, Object>> started = rest.post("orgadmv.wang", "Xincun@2026a",
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation("新村议题")));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = (String) started.getBody().get("businessKey");
        assertThat(rest.getList("orgadmv.wang", "Xincun@2026a", "/process-instance?businessKey=" + number).getBody())
                .hasSize(1);
        assertThat(rest.getList(TOWN + ".party", password, "/process-instance?businessKey=" + number).getBody())
                .hasSize(1);
        assertThat(rest.getList("qingxi.supervisor", password, "/process-instance?businessKey=" + number).getBody())
                .hasSize(1);
        assertThat(rest.getList("yunling.party", password, "/process-instance?businessKey=" + number).getBody())
                .isEmpty();
        assertThat(rest.getList("shuikou.party", password, "/task?processInstanceBusinessKey=" + number).getBody())
                .isEmpty();

        // an existing person takes on a second role
        ok(admin.postJson("/api/organisation/roles/orgadmv-party/members", "{\"userId\":\"orgadmv.wang\"}"));
        assertThat(ok(admin.get("/api/organisation"))).contains("orgadmv.wang");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        WebSession admin = WebSession.loggedIn(port, "admin", password);
        assertThat(refused(admin.postJson("/api/organisation/places",
                "{\"code\":\"Bad Code\",\"name\":\"坏\",\"level\":\"VILLAGE\",\"parentCode\":\"qingxi\"}"), 400))
                .contains("地点代码");
        assertThat(refused(admin.postJson("/api/organisation/places",
                "{\"code\":\"orgbadv\",\"name\":\"坏村\",\"level\":\"VILLAGE\",\"parentCode\":\"qingxi\"}"), 400))
                .contains("不能设在");
        assertThat(refused(admin.postJson("/api/organisation/places",
                "{\"code\":\"yunling\",\"name\":\"重复\",\"level\":\"TOWNSHIP\",\"parentCode\":\"qingxi\"}"), 400))
                .contains("已被使用");
        assertThat(refused(admin.postJson("/api/organisation/users", "{\"userId\":\"org.weak\",\"name\":\"弱\","
                + "\"password\":\"123456\",\"groupIds\":[\"yunling-member\"]}"), 400)).contains("密码不符合要求");
        assertThat(refused(admin.postJson("/api/organisation/users", "{\"userId\":\"org.nogroup\",\"name\":\"无\","
                + "\"password\":\"Xieshang@2026b\",\"groupIds\":[\"camunda-admin\"]}"), 400)).contains("不是工作角色");
        assertThat(ok(admin.get("/api/organisation"))).doesNotContain("orgbadv", "org.weak", "org.nogroup");
    }

    @Test
    void onlyAdministratorsUseThePage() {
        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        refused(supervisor.get("/api/organisation"), 403);
        refused(supervisor.postJson("/api/organisation/places",
                "{\"code\":\"orgsneak\",\"name\":\"偷建村\",\"level\":\"VILLAGE\",\"parentCode\":\"qingxi\"}"), 403);
        refused(new WebSession(port).get("/api/organisation"), 401);
    }
}

package cn.cppcc.consult.security;

import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.organisation.PlaceAccess;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.WebSession;

/**
 * Over real HTTP, as Tasklist, Cockpit and scripts call the engine REST API: every place sees and
 * works on its own consultations only, a township also on its villages', the county on all; nobody
 * deploys but an administrator.
 */
@ConsultTest
class PlaceIsolationTest {

    static final String YUNLING_PARTY = "yunling.party";
    static final String TAOYUAN_PARTY = "taoyuan.party";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired AuthorizationService authorizations;
    @Autowired IdentityService identityService;
    @Autowired PlaceAccess placeAccess;
    @Value("${consult.demo.password}") String password;

    EngineRest rest;

    @BeforeEach
    void connect() {
        rest = new EngineRest(http, port);
    }

    /** A consultation started over REST by the organiser of {@code place}; its business key. */
    private String start(String organiser, String title) {
        ResponseEntity<Map<String, Object>> started = rest.post(organiser, password,
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation(title)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("businessKey");
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = rest.getList(user, password, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> approvalTask(String user, String number) {
        List<Map<String, Object>> tasks = list(user, "/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=" + ConsultationProcess.TASK_APPROVE_TOPIC);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static void refused(ResponseEntity<?> response, String what) {
        assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isIn(403, 404);
    }

    @Test
    void restWithoutCredentialsIsRefused() {
        assertThat(rest.getList(null, null, "/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getList("nobody.anywhere", "wrong-password", "/task").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTownshipNeitherSeesNorWorksOnAnotherTownshipsConsultation() {
        String number = start("yunling.liaison", "云岭镇隔离检查");
        Map<String, Object> task = approvalTask(YUNLING_PARTY, number);
        String taskId = (String) task.get("id");
        String instanceId = (String) task.get("processInstanceId");

        assertThat(list(TAOYUAN_PARTY, "/task?processInstanceBusinessKey=" + number)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/task?processInstanceId=" + instanceId)).isEmpty();
        refused(rest.get(TAOYUAN_PARTY, password, "/task/" + taskId), "GET /task/{id}");
        refused(rest.get(TAOYUAN_PARTY, password, "/task/" + taskId + "/variables"), "task variables");
        refused(rest.get(TAOYUAN_PARTY, password, "/task/" + taskId + "/form-variables"), "task form variables");
        refused(rest.post(TAOYUAN_PARTY, password, "/task/" + taskId + "/claim", Map.of("userId", TAOYUAN_PARTY)),
                "claim");
        refused(rest.post(TAOYUAN_PARTY, password, "/task/" + taskId + "/complete", Map.of()), "complete");
        refused(rest.post(TAOYUAN_PARTY, password, "/task/" + taskId + "/submit-form",
                formSubmission(Forms.topicDecision("APPROVE", ""))), "submit-form");
        assertThat(list(TAOYUAN_PARTY, "/process-instance?businessKey=" + number)).isEmpty();
        refused(rest.get(TAOYUAN_PARTY, password, "/process-instance/" + instanceId), "GET /process-instance/{id}");
        refused(rest.get(TAOYUAN_PARTY, password, "/process-instance/" + instanceId + "/variables"),
                "process instance variables");
        assertThat(list(TAOYUAN_PARTY, "/variable-instance?processInstanceIdIn=" + instanceId)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/history/task?processInstanceId=" + instanceId)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/history/process-instance?processInstanceBusinessKey=" + number)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/history/variable-instance?processInstanceId=" + instanceId)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/history/activity-instance?processInstanceId=" + instanceId)).isEmpty();
        assertThat(list(TAOYUAN_PARTY, "/history/user-operation?processInstanceId=" + instanceId)).isEmpty();

        // the task is untouched, and its own place works on it
        assertThat(approvalTask(YUNLING_PARTY, number).get("assignee")).isNull();
        assertThat(list(YUNLING_PARTY, "/process-instance?businessKey=" + number)).hasSize(1);
        assertThat(rest.get(YUNLING_PARTY, password, "/process-instance/" + instanceId + "/variables")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(YUNLING_PARTY, "/history/variable-instance?processInstanceId=" + instanceId)).isNotEmpty();
        assertThat(rest.post(YUNLING_PARTY, password, "/task/" + taskId + "/claim", Map.of("userId", YUNLING_PARTY))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.post(YUNLING_PARTY, password, "/task/" + taskId + "/unclaim", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void withinAPlaceOnlyTheTasksGroupWorksOnIt() {
        String number = start("yunling.liaison", "云岭镇角色检查");
        String taskId = (String) approvalTask(YUNLING_PARTY, number).get("id");
        // a colleague of the same township sees the task but may not claim what is the party committee's
        assertThat(list("yunling.department", "/task?processInstanceBusinessKey=" + number)).hasSize(1);
        refused(rest.post("yunling.department", password, "/task/" + taskId + "/claim",
                Map.of("userId", "yunling.department")), "claim by another role");
    }

    @Test
    void aVillageSeesItsOwnOnlyItsTownshipAndTheCountySeeTheirSubtree() {
        String village = start("shuikou.village", "水口村隔离检查");
        String township = start("yunling.liaison", "云岭镇层级检查");
        String otherTownship = start("taoyuan.liaison", "桃源镇层级检查");

        assertThat(list("shuikou.village", "/process-instance?businessKey=" + village)).hasSize(1);
        assertThat(list("shuikou.party", "/task?processInstanceBusinessKey=" + village)).hasSize(1);
        assertThat(list("shuikou.village", "/process-instance?businessKey=" + township)).isEmpty();
        assertThat(list("shuikou.party", "/task?processInstanceBusinessKey=" + township)).isEmpty();
        assertThat(list("lijiawan.party", "/task?processInstanceBusinessKey=" + village)).isEmpty();

        assertThat(list("yunling.liaison", "/process-instance?businessKey=" + village)).hasSize(1);
        assertThat(list("yunling.liaison", "/process-instance?businessKey=" + otherTownship)).isEmpty();

        for (String county : List.of("qingxi.supervisor", "qingxi.office")) {
            for (String number : List.of(village, township, otherTownship)) {
                assertThat(list(county, "/process-instance?businessKey=" + number)).as(county).hasSize(1);
                assertThat(list(county, "/task?processInstanceBusinessKey=" + number)).as(county).hasSize(1);
                assertThat(list(county, "/history/process-instance?processInstanceBusinessKey=" + number))
                        .as(county).hasSize(1);
            }
        }
    }

    @Test
    void ourOwnPagesApplyTheSamePlaces() {
        String number = start("taoyuan.liaison", "桃源镇督办检查");
        WebSession yunling = WebSession.loggedIn(port, "yunling.liaison", password);
        WebSession.refused(yunling.get("/api/supervision/stalled?place=taoyuan"), 403);
        assertThat(WebSession.ok(yunling.get("/api/supervision/stalled?size=200"))).doesNotContain(number);
        WebSession county = WebSession.loggedIn(port, "qingxi.supervisor", password);
        assertThat(WebSession.ok(county.get("/api/supervision/stalled?place=taoyuan&size=200"))).contains(number);
    }

    /**
     * Reading every task, instance and definition is granted to everyone at once (not a row per group,
     * which made the Tasklist query slower with every group); an account without a role then has no
     * place: no Tasklist, no work of any place, nothing to start.
     */
    @Test
    void readGrantsAreEveryonesAndBoundedByPlace() {
        assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.TASK).resourceId(Authorization.ANY).singleResult().isPermissionGranted(TaskPermissions.READ))
                .isTrue();
        Authorization legacy = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        legacy.setGroupId("yunling-liaison");
        legacy.setResource(Resources.TASK);
        legacy.setResourceId(Authorization.ANY);
        legacy.addPermission(TaskPermissions.READ);
        authorizations.saveAuthorization(legacy);
        placeAccess.mirrorAll();
        assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceId(Authorization.ANY).list()).extracting(Authorization::getGroupId)
                .as("grants on every resource of a type are given to all at once, not per role group")
                .allMatch("camunda-admin"::equals);

        String number = start("yunling.liaison", "云岭镇无角色账号检查");
        String roleless = "noplace.user";
        if (identityService.createUserQuery().userId(roleless).count() == 0) {
            User user = identityService.newUser(roleless);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        assertThat(new WebSession(port).login(roleless, password).statusCode()).isIn(401, 403);
        assertThat(list(roleless, "/task?processInstanceBusinessKey=" + number)).isEmpty();
        assertThat(list(roleless, "/process-instance?businessKey=" + number)).isEmpty();
        refused(rest.post(roleless, password, "/process-definition/key/Consultation/submit-form",
                formSubmission(Forms.startConsultation("无角色发起"))), "start without a role");
    }

    @Test
    void onlyAnAdministratorDeploys() {
        assertThat(deploy("yunling.liaison").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("qingxi.supervisor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> deploy(String user) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_DeployCheck"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="DeployCheck" name="部署检查" isExecutable="false" camunda:historyTimeToLive="P180D" />
                </bpmn:definitions>
                """;
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "deploy-check");
        body.add("deploy-changed-only", "true");
        body.add("DeployCheck.bpmn", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "DeployCheck.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, password);
        return http.exchange("http://localhost:" + port + "/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }
}

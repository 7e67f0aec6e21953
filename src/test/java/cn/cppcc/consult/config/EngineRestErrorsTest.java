package cn.cppcc.consult.config;

import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;

/**
 * What a user reads when the platform refuses a form value (the refusal's Chinese message alone,
 * answered 400), loses a race on a task or finds it done, from the engine REST API and from the
 * webapps' engine API that Tasklist calls.
 */
@ConsultTest
class EngineRestErrorsTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Scenarios scenarios;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;
    @Value("${consult.demo.password}") String password;

    EngineRest rest;

    @BeforeEach
    void connect() {
        rest = new EngineRest(http, port);
    }

    @Test
    void aRefusedTaskFormIsAnsweredWithItsChineseReasonByTheEngineRestApi() {
        Task task = approveTopicClaimedByTheParty();

        ResponseEntity<Map<String, Object>> refused = rest.post(TOWNSHIP.user(Role.PARTY), password,
                "/task/" + task.getId() + "/submit-form", formSubmission(Forms.topicDecision("REJECT", "")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("message", "不予采纳须填写理由")
                .containsEntry("type", "RestException");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aRefusedTaskFormIsAnsweredWithItsChineseReasonToTasklist() throws Exception {
        Task task = approveTopicClaimedByTheParty();
        WebSession tasklist = WebSession.loggedIn(port, TOWNSHIP.user(Role.PARTY), password);
        String taskPath = "/camunda/api/engine/engine/default/task/" + task.getId();
        assertThat(tasklist.get(taskPath).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = tasklist.postJson(taskPath + "/submit-form",
                json.writeValueAsString(formSubmission(Forms.topicDecision("REJECT", ""))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readValue(refused.body(), new TypeReference<Map<String, Object>>() { }))
                .containsEntry("message", "不予采纳须填写理由");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aRefusedStartFormIsAnsweredWithItsChineseReason() {
        ResponseEntity<Map<String, Object>> refused = rest.post(TOWNSHIP.organiser(), password,
                "/process-definition/key/" + ConsultationProcess.KEY + "/submit-form",
                formSubmission(Forms.startConsultation("")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("message", "请填写议题名称");
    }

    @Test
    void aTaskClaimedByAnotherIsAnsweredAsAConflict() {
        Task task = approveTopicClaimedByTheParty();

        ResponseEntity<Map<String, Object>> refused = rest.post("admin", password,
                "/task/" + task.getId() + "/claim", Map.of("userId", TOWNSHIP.user(Role.LIAISON)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "TaskAlreadyClaimedException")
                .containsEntry("message", "该任务已由“" + TOWNSHIP.user(Role.PARTY) + "”认领，不能再认领；请刷新任务列表");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(TOWNSHIP.user(Role.PARTY));
    }

    @Test
    void aTaskAlreadyDoneIsAnsweredAsGone() {
        ResponseEntity<Map<String, Object>> missing = rest.post(TOWNSHIP.user(Role.PARTY), password,
                "/task/no-such-task/submit-form", formSubmission(Forms.topicDecision("APPROVE", "")));
        ResponseEntity<Map<String, Object>> completed = rest.post(TOWNSHIP.user(Role.PARTY), password,
                "/task/no-such-task/complete", Map.of());

        for (ResponseEntity<Map<String, Object>> answer : java.util.List.of(missing, completed)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).containsEntry("type", "NotFoundException")
                    .containsEntry("message", "该任务已办理完毕或不存在；请刷新任务列表");
        }
    }

    /**
     * A completion that read its task just before another user completed it fails on what the other
     * completion removed: the task's permission ("not authorized") or the execution's place ("doesn't
     * accept signals", wrapped by the REST API). Both are a task already done (seen on two nodes by
     * the reliability suite).
     */
    @Test
    void aCompletionThatLostToAnotherIsAnsweredAsGoneWhateverTheEngineSaid() {
        Task task = approveTopicClaimedByTheParty();
        taskService.complete(task.getId(), Forms.topicDecision("APPROVE", ""));
        UriInfo uri = Mockito.mock(UriInfo.class);
        Mockito.when(uri.getPath()).thenReturn("task/" + task.getId() + "/complete");

        for (RuntimeException lost : java.util.List.of(
                new AuthorizationException(TOWNSHIP.user(Role.PARTY), "TASK_WORK", "Task", task.getId()),
                new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                        "ENGINE-02010 The activity with id 'Task_ApproveTopic' doesn't accept signals."),
                        "Cannot complete task " + task.getId()))) {
            Response answer = EngineRestErrors.answer(lost, uri);

            assertThat(answer.getStatus()).isEqualTo(404);
            assertThat(((ExceptionDto) answer.getEntity()).getType()).isEqualTo("NotFoundException");
            assertThat(((ExceptionDto) answer.getEntity()).getMessage()).isEqualTo("该任务已办理完毕或不存在；请刷新任务列表");
        }
    }

    @Test
    void aTaskThatStillExistsIsRefusedAsTheEngineRefusedIt() {
        Task task = approveTopicClaimedByTheParty();

        ResponseEntity<Map<String, Object>> refused = rest.post(TOWNSHIP.user(Role.LIAISON), password,
                "/task/" + task.getId() + "/complete", Map.of());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("type", "AuthorizationException");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void otherErrorsAreAnsweredAsCamundaAnswersThem() {
        ResponseEntity<Map<String, Object>> missing = rest.get(TOWNSHIP.user(Role.PARTY), password,
                "/process-instance/no-such-instance");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) missing.getBody().get("message")).contains("no-such-instance");
    }

    private Task approveTopicClaimedByTheParty() {
        ProcessInstance pi = scenarios.at(TOWNSHIP).startBefore(ConsultationProcess.TASK_APPROVE_TOPIC);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(task.getId(), TOWNSHIP.user(Role.PARTY));
        return task;
    }
}

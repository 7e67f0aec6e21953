package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.TransferForms;

/**
 * The whole application over real HTTP: a demo user starts a consultation through the engine's REST
 * API and the people of each stage complete it to the end through REST task completions, the way
 * Tasklist and Camunda Modeler talk to the engine, through the four transfer mechanisms to the
 * feedback and the citizen's satisfaction rating on the public page's API.
 */
@ConsultTest
class ConsultationRestTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired ConsultationService consultations;
    @Autowired CitizenRepository citizens;
    @Autowired NotificationService notifications;
    @Value("${consult.demo.password}") String password;

    EngineRest rest;

    @BeforeEach
    void connect() {
        rest = new EngineRest(http, port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConsultationStartedOverRestIsCompletedOverRestToTheEnd() {
        ResponseEntity<Map<String, Object>> started = rest.post(TOWNSHIP.organiser(), password,
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation("REST 议题")));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = (String) started.getBody().get("businessKey");
        assertThat(number).startsWith("XS");
        long citizen = citizens.insert("钱师傅", "13600000000", EngineClock.now());
        citizens.link(consultations.getByNumber(number).topicId(), citizen, CitizenRelation.RAISED);

        Map<String, Object> approveTopic = task(number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY));
        Map<String, Object> form = rest.get(TOWNSHIP.user(Role.PARTY), password,
                "/task/" + approveTopic.get("id") + "/form").getBody();
        assertThat((Map<String, Object>) form.get("camundaFormRef"))
                .containsEntry("key", "Form_ApproveTopic").containsEntry("binding", "deployment");
        assertThat(rest.get(TOWNSHIP.user(Role.PARTY), password, "/task/" + approveTopic.get("id") + "/deployed-form")
                .getBody()).containsEntry("id", "Form_ApproveTopic");

        work(number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY), Forms.topicDecision("APPROVE", ""));
        work(number, TASK_DRAFT_PLAN, TOWNSHIP.organiser(), Forms.plan("MEETING", false));
        work(number, TASK_DRAFT_PARTICIPANTS, TOWNSHIP.organiser(), Forms.participants(TOWNSHIP.countyUser(Role.MEMBER)));
        work(number, TASK_APPROVE_PARTICIPANTS, TOWNSHIP.user(Role.PARTY), Forms.answer("participantsApproved", true, ""));
        work(number, TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), Forms.research());
        work(number, TASK_REVIEW_RESEARCH, TOWNSHIP.user(Role.HOST), Forms.answer("researchAccepted", true, ""));
        long id = consultations.getByNumber(number).id();
        work(number, TASK_HOLD_MEETING, TOWNSHIP.organiser(), Forms.meeting(
                consultations.participantIds(id).stream().map(String::valueOf).toList()));
        work(number, TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), Forms.minutes(
                List.of("ASSIGNMENT", "INQUIRY", "FEEDBACK"), List.of("ESCALATION")));
        work(number, TASK_REVIEW_MINUTES, TOWNSHIP.user(Role.HOST), Forms.answer("minutesApproved", true, ""));
        work(number, TASK_FILE_MINUTES, TOWNSHIP.countyUser(Role.LIAISON_COMMITTEE), Map.of("filingNumber", "备-REST"));

        // the four mechanisms, each worked by its own people
        work(number, "Task_AssignDepartments", TOWNSHIP.user(Role.GOVERNMENT), TransferForms.assignOne());
        work(number, "Task_HandleAssignment", TOWNSHIP.user(Role.DEPARTMENT), TransferForms.progress(50, "已开工"));
        work(number, "Task_HandleAssignment", TOWNSHIP.user(Role.DEPARTMENT), TransferForms.done("已办结"));
        work(number, "Task_DraftEscalation", TOWNSHIP.user(Role.MEMBER), TransferForms.draft("OPINION_REPORT", "社情民意"));
        work(number, "Task_ReviewEscalation", TOWNSHIP.countyUser(Role.OFFICE), TransferForms.review(true, ""));
        work(number, "Task_RegisterEscalation", TOWNSHIP.countyUser(Role.OFFICE), TransferForms.register("社-" + number));
        work(number, "Task_RecordEscalationAnswer", TOWNSHIP.countyUser(Role.OFFICE), TransferForms.answer("ADOPTED"));
        work(number, "Task_InquireEffectiveness", TOWNSHIP.countyUser(Role.SUPERVISOR), TransferForms.inquire());
        work(number, "Task_EvaluateResult", TOWNSHIP.countyUser(Role.SUPERVISOR), TransferForms.evaluate("SATISFIED", ""));
        work(number, "Task_ReportFeedback", TOWNSHIP.organiser(), TransferForms.feedback(true, "已办结，道路畅通"));
        assertThat(consultations.getByNumber(number).stage()).isEqualTo(Stage.TRANSFER);

        // the citizen opens the link of the message and rates the result, which closes the consultation
        Notification invitation = notifications.inbox(NotificationService.citizenRecipient(citizen)).stream()
                .filter(n -> n.kind() == NotificationKind.SURVEY).findFirst().orElseThrow();
        String link = invitation.body().substring(invitation.body().indexOf("http://localhost:8080/") + 21);
        assertThat(link).startsWith("/public/rate.html?t=");
        String api = "http://localhost:" + port + "/api/public/ratings/" + link.substring(link.indexOf("?t=") + 3);
        assertThat(http.getForEntity(api, String.class).getBody()).contains("REST 议题", "已办结，道路畅通", "\"state\":\"OPEN\"");
        assertThat(http.postForEntity(api, Map.of("rating", "很好"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity(api, Map.of("rating", "SATISFIED", "comment", "满意"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.postForEntity(api, Map.of("rating", "UNSATISFIED"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        List<Map<String, Object>> history = rest.getList(TOWNSHIP.organiser(), password,
                "/history/process-instance?processDefinitionKey=Consultation&processInstanceBusinessKey=" + number).getBody();
        assertThat(history).singleElement().satisfies(pi -> assertThat(pi.get("state")).isEqualTo("COMPLETED"));
        assertThat(consultations.getByNumber(number).stage()).isEqualTo(Stage.CLOSED);

        // and the results window shows it, without anyone's personal data
        String window = http.getForObject("http://localhost:" + port + "/api/public/results/" + number, String.class);
        assertThat(window).contains("REST 议题", "民主评议满意", "社-" + number, "满意1")
                .doesNotContain("钱师傅", "13600000000", "yunling.", "qingxi.");
    }

    @Test
    void aRefusedFormValueIsABadRequestWithItsChineseReason() {
        String number = (String) rest.post(TOWNSHIP.organiser(), password,
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation("校验")))
                .getBody().get("businessKey");
        Map<String, Object> task = task(number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY));
        rest.post(TOWNSHIP.user(Role.PARTY), password, "/task/" + task.get("id") + "/claim",
                Map.of("userId", TOWNSHIP.user(Role.PARTY)));

        ResponseEntity<Map<String, Object>> refused = rest.post(TOWNSHIP.user(Role.PARTY), password,
                "/task/" + task.get("id") + "/submit-form", formSubmission(Forms.topicDecision("REJECT", "")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).endsWith("不予采纳须填写理由");
        assertThat(task(number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY))).containsEntry("id", task.get("id"));
    }

    @Test
    void theRestApiAnswersOnlyToKnownUsers() {
        assertThat(rest.getList(null, null, "/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a user of its own: a wrong password delays that user's next login (login throttling)
        assertThat(rest.getList("taoyuan.host", "wrong-password", "/task").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Map<String, Object> task(String number, String taskKey, String user) {
        List<Map<String, Object>> tasks = rest.getList(user, password,
                "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey).getBody();
        assertThat(tasks).as("待办 %s", taskKey).hasSize(1);
        return tasks.get(0);
    }

    private void work(String number, String taskKey, String user, Map<String, Object> form) {
        Object id = task(number, taskKey, user).get("id");
        assertThat(rest.post(user, password, "/task/" + id + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> submitted = rest.post(user, password, "/task/" + id + "/submit-form",
                formSubmission(form));
        assertThat(submitted.getStatusCode()).as("%s: %s", taskKey, submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}

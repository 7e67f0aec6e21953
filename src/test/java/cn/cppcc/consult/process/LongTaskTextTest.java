package cn.cppcc.consult.process;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.consultation.ResearchService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;

/**
 * Texts longer than the engine's 4,000-character string column: a research report and minutes of
 * 6,000 Chinese characters are shown whole on the review tasks (as Tasklist loads a Camunda Form's
 * variables) and the review completes with every field submitted back as Tasklist does, the
 * read-only long text included.
 */
@ConsultTest
class LongTaskTextTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired ConsultationService consultations;
    @Autowired ResearchService research;
    @Autowired MinutesService minutes;
    @Value("${consult.demo.password}") String password;

    EngineRest rest;

    @BeforeEach
    void connect() {
        rest = new EngineRest(http, port);
    }

    @Test
    void aLongReportAndLongMinutesAreShownWholeAndTheirReviewsComplete() {
        String report = chinese(6000, '调');
        String text = chinese(6000, '纪');
        String number = (String) rest.post(TOWNSHIP.organiser(), password,
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation("长文本")))
                .getBody().get("businessKey");
        long id = consultations.getByNumber(number).id();
        work(number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY), Forms.topicDecision("APPROVE", ""));
        work(number, TASK_DRAFT_PLAN, TOWNSHIP.organiser(), Forms.plan("MEETING", false));
        work(number, TASK_DRAFT_PARTICIPANTS, TOWNSHIP.organiser(), Forms.participants(TOWNSHIP.countyUser(Role.MEMBER)));
        work(number, TASK_APPROVE_PARTICIPANTS, TOWNSHIP.user(Role.PARTY), Forms.answer("participantsApproved", true, ""));
        Map<String, Object> researchForm = new LinkedHashMap<>(Forms.research());
        researchForm.put("report", report);
        work(number, TASK_CONDUCT_RESEARCH, TOWNSHIP.organiser(), researchForm);
        assertThat(research.latest(id).summary()).isEqualTo(report);

        String shownReport = shown(number, TASK_REVIEW_RESEARCH, TOWNSHIP.user(Role.HOST), "researchSummary");
        assertThat(shownReport).endsWith("调研报告：\n" + report);
        workAsTasklist(number, TASK_REVIEW_RESEARCH, TOWNSHIP.user(Role.HOST),
                Map.of("researchSummary", shownReport, "researchAccepted", true, "comment", ""));

        work(number, TASK_HOLD_MEETING, TOWNSHIP.organiser(), Forms.meeting(
                consultations.participantIds(id).stream().map(String::valueOf).toList()));
        Map<String, Object> minutesForm = new LinkedHashMap<>(Forms.minutes(List.of("ASSIGNMENT")));
        minutesForm.put("minutes", text);
        work(number, TASK_DRAFT_MINUTES, TOWNSHIP.organiser(), minutesForm);
        assertThat(minutes.latest(id).content()).isEqualTo(text);
        // the engine's audit copy of the submitted value (full history) fits its varchar(4000), marked
        Object instance = rest.getList(TOWNSHIP.organiser(), password,
                "/history/process-instance?processInstanceBusinessKey=" + number).getBody().get(0).get("id");
        assertThat(rest.getList(TOWNSHIP.organiser(), password,
                "/history/detail?formFields=true&processInstanceId=" + instance).getBody())
                .filteredOn(detail -> "minutes".equals(detail.get("fieldId")))
                .singleElement().satisfies(detail -> assertThat((String) detail.get("fieldValue"))
                        .hasSize(4000).startsWith(text.substring(0, 100)).endsWith("…（全文见变量历史）"));

        String shownMinutes = shown(number, TASK_REVIEW_MINUTES, TOWNSHIP.user(Role.HOST), "minutesContent");
        assertThat(shownMinutes).isEqualTo(text);
        workAsTasklist(number, TASK_REVIEW_MINUTES, TOWNSHIP.user(Role.HOST),
                Map.of("minutesContent", shownMinutes, "minutesApproved", true, "comment", ""));
        assertThat(shown(number, TASK_FILE_MINUTES, TOWNSHIP.countyUser(Role.LIAISON_COMMITTEE), "minutesContent"))
                .isEqualTo(text);
    }

    /** The value of a form field as Tasklist reads it (form-variables, not deserialised): a String. */
    private String shown(String number, String taskKey, String user, String field) {
        Object id = task(number, taskKey, user).get("id");
        Map<String, Object> variables = rest.get(user, password, "/task/" + id + "/form-variables?deserializeValues=false")
                .getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> variable = (Map<String, Object>) variables.get(field);
        assertThat(variable).as("%s 的 %s", taskKey, field).isNotNull();
        assertThat(variable).containsEntry("type", "String");
        return (String) variable.get("value");
    }

    /** Submits every field shown, read-only ones included, untyped: what Tasklist's Camunda Forms send. */
    private void workAsTasklist(String number, String taskKey, String user, Map<String, Object> form) {
        work(number, taskKey, user, form);
    }

    private Map<String, Object> task(String number, String taskKey, String user) {
        List<Map<String, Object>> tasks = rest.getList(user, password,
                "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey).getBody();
        assertThat(tasks).as("待办 %s", taskKey).hasSize(1);
        return tasks.get(0);
    }

    private void work(String number, String taskKey, String user, Map<String, Object> form) {
        Object id = task(number, taskKey, user).get("id");
        rest.post(user, password, "/task/" + id + "/claim", Map.of("userId", user));
        ResponseEntity<Map<String, Object>> submitted = rest.post(user, password, "/task/" + id + "/submit-form",
                formSubmission(form));
        assertThat(submitted.getStatusCode()).as("%s: %s", taskKey, submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static String chinese(int length, char first) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? first : (char) ('一' + i % 500));
        }
        return s.toString();
    }
}

package cn.cppcc.consult.supervision;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.supervision.StalledConsultations.Page;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;
import cn.cppcc.consult.transfer.Mechanism;

/**
 * The stalled-consultation view: a consultation idle past its stage's limit shows with its stage,
 * place, holder and days, and leaves the overdue list when it moves on; filters, order, scope and
 * the CSV export. The township here is the test's own, so every count is this test's.
 */
@ConsultTest
class StalledViewTest {

    /** A Monday morning, Beijing time. */
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
    private static final String TOWN = "stallt";

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired FixturePlaces fixtures;
    @Autowired TasklistDriver tasklist;
    @Autowired TaskService taskService;
    @Autowired ConsultationService consultations;
    @Autowired Scenarios scenarios;
    @Autowired StalledConsultations stalled;
    @Autowired PlaceScope scope;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void fixtures() {
        fixtures.township(TOWN, "停滞镇", 2);
        at(T0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aConsultationIdlePastItsLimitShowsWhereWhyAndWhoAndLeavesWhenItMovesOn() throws Exception {
        ProcessInstance pi = tasklist.start(DemoData.userId(TOWN, Role.LIAISON), KEY, Forms.startConsultation("停滞镇垃圾清运"));
        String number = pi.getBusinessKey();

        at(T0.plusDays(12).plusHours(1));
        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        JsonNode page = get(supervisor, "/api/supervision/stalled?overdueOnly=true&q=" + number);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode row = page.path("rows").get(0);
        assertThat(row.path("number").asText()).isEqualTo(number);
        assertThat(row.path("stage").asText()).isEqualTo("TOPIC_APPROVAL");
        assertThat(row.path("stageName").asText()).isEqualTo("议题审定");
        assertThat(row.path("placePath").asText()).isEqualTo("清溪县 / 停滞镇");
        assertThat(row.path("daysInStage").asLong()).isEqualTo(12);
        assertThat(row.path("daysOverdue").asLong()).isEqualTo(2);
        assertThat(row.path("holders").get(0).path("taskName").asText()).isEqualTo("党组织审定议题");
        assertThat(row.path("holders").get(0).path("candidateNames").get(0).asText()).isEqualTo("停滞镇党委");
        assertThat(row.path("cockpitUrl").asText())
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + pi.getId() + "/runtime");

        tasklist.submit(number, TASK_APPROVE_TOPIC, DemoData.userId(TOWN, Role.PARTY),
                Forms.topicDecision("APPROVE", null));

        assertThat(get(supervisor, "/api/supervision/stalled?overdueOnly=true&q=" + number).path("total").asLong())
                .isZero();
        JsonNode moved = get(supervisor, "/api/supervision/stalled?q=" + number).path("rows").get(0);
        assertThat(moved.path("stage").asText()).isEqualTo("PLANNING");
        assertThat(moved.path("daysInStage").asLong()).isZero();
        assertThat(moved.path("overdue").asBoolean()).isFalse();
        assertThat(moved.path("holders").get(0).path("taskName").asText()).isEqualTo("制定实施方案");
        assertThat(moved.path("holders").get(0).path("candidateNames").get(0).asText())
                .isEqualTo("停滞镇政协联络组（同心圆工作室）");
    }

    @Test
    void aClaimedTaskShowsItsAssigneeAndTheCsvOpensInExcel() throws Exception {
        ProcessInstance pi = tasklist.start(DemoData.userId(TOWN, Role.LIAISON), KEY, Forms.startConsultation("停滞镇公厕改造"));
        String party = DemoData.userId(TOWN, Role.PARTY);
        taskService.claim(tasklist.task(pi.getBusinessKey(), TASK_APPROVE_TOPIC).getId(), party);
        at(T0.plusDays(20));

        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        JsonNode holder = get(supervisor, "/api/supervision/stalled?q=" + pi.getBusinessKey()).path("rows").get(0)
                .path("holders").get(0);
        assertThat(holder.path("assignee").asText()).isEqualTo(party);
        assertThat(holder.path("assigneeName").asText()).isEqualTo("停滞镇党委 （测试）");

        HttpResponse<String> csv = supervisor.get("/api/supervision/stalled.csv?place=" + TOWN + "&q="
                + URLEncoder.encode(pi.getBusinessKey(), StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF协商编号,议题,所在地,层级,当前阶段");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(pi.getBusinessKey() + ",停滞镇公厕改造,清溪县 / 停滞镇,乡镇（街道）,议题审定,否,党组织审定议题：停滞镇党委 （测试）")
                .contains(",20,10,", "http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
                        + pi.getId() + "/runtime");
    }

    @Test
    void transferItemsPastTheirDeadlineShowWithTheMechanismsStillOpen() throws Exception {
        var s = scenarios.at(FixturePlaces.village(TOWN, 1), DemoData.userId(FixturePlaces.village(TOWN, 1),
                Role.VILLAGE_COMMITTEE), "停滞村道路硬化", false)
                .approved().planned(ConsultationForm.MEETING, false).withParticipants().researched(true).consulted()
                .minutesFiled(EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK));
        ProcessInstance pi = s.startBefore(GATEWAY_TRANSFER_SPLIT);
        at(T0.plusDays(40));

        PlaceScope.Tree tree = scope.forUser("qingxi.supervisor", List.of("qingxi-supervisor"));
        Page page = stalled.find(tree, List.of(TOWN), query(null, List.of(), null, null, null, true, s.number()));
        assertThat(page.rows()).singleElement().satisfies(c -> {
            assertThat(c.stage()).isEqualTo(Stage.TRANSFER);
            assertThat(c.overdue()).isFalse();
            assertThat(c.overdueItems()).singleElement().satisfies(item -> {
                assertThat(item.dueOn()).isEqualTo(T0.toLocalDate().plusDays(30));
                assertThat(item.daysOverdue()).isEqualTo(10);
                assertThat(item.pendingMechanisms()).containsExactly("交办", "反馈");
            });
            // the mechanisms' own tasks, in their called processes, are who holds it now
            assertThat(c.holders()).extracting(StalledConsultation.Holder::taskKey)
                    .contains("Task_AssignDepartments", "Task_ReportFeedback");
            assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        });
    }

    @Test
    void filtersAndOrderNarrowTheListAndAnotherTownshipSeesNothingOfIt() throws Exception {
        String village = FixturePlaces.village(TOWN, 2);
        Consultation early = scenarios.at(TOWN, DemoData.userId(TOWN, Role.LIAISON), "筛选镇甲", false)
                .approved().planned(ConsultationForm.MEETING, false).startBeforeAndGet(TASK_DRAFT_PARTICIPANTS);
        at(T0.plusDays(3));
        Consultation late = scenarios.at(village, DemoData.userId(village, Role.VILLAGE_COMMITTEE), "筛选村乙", true)
                .startBeforeAndGet(TASK_APPROVE_TOPIC);
        at(T0.plusDays(30));
        PlaceScope.Tree tree = scope.forUser("qingxi.supervisor", List.of("qingxi-supervisor"));

        // township stage PARTICIPANTS since T0 (limit 7 days): 23 days overdue; emergency village topic since T0+3 (1 day): 26
        assertThat(numbers(stalled.find(tree, List.of(TOWN), query(null, List.of(), null, null, null, false, "筛选"))))
                .containsExactly(late.number(), early.number());
        assertThat(numbers(stalled.find(tree, List.of(TOWN), query(null, List.of(), null, null, 28, false, "筛选"))))
                .containsExactly(early.number());
        assertThat(numbers(stalled.find(tree, List.of(TOWN), query(null, List.of(), null, 24, null, false, "筛选"))))
                .containsExactly(late.number());
        assertThat(numbers(stalled.find(tree, List.of(TOWN), query(null, List.of(Stage.PARTICIPANTS), null, null, null,
                false, "筛选")))).containsExactly(early.number());
        assertThat(numbers(stalled.find(tree, List.of(TOWN), query(null, List.of(), PlaceLevel.VILLAGE, null, null,
                false, "筛选")))).containsExactly(late.number());
        assertThat(numbers(stalled.find(tree, List.of(village), query(null, List.of(), null, null, null, false, "筛选"))))
                .containsExactly(late.number());
        StalledQuery byNumberDesc = new StalledQuery(null, List.of(), null, null, null, false, "筛选",
                StalledQuery.Sort.NUMBER, true, 0, 50);
        assertThat(numbers(stalled.find(tree, List.of(TOWN), byNumberDesc))).containsExactly(late.number(), early.number());
        StalledQuery secondPage = new StalledQuery(null, List.of(), null, null, null, false, "筛选",
                StalledQuery.Sort.OVERDUE, false, 1, 1);
        Page second = stalled.find(tree, List.of(TOWN), secondPage);
        assertThat(second.total()).isEqualTo(2);
        assertThat(numbers(second)).containsExactly(early.number());

        WebSession other = WebSession.loggedIn(port, "taoyuan.party", password);
        assertThat(get(other, "/api/supervision/stalled?q=" + early.number()).path("total").asLong()).isZero();
        HttpResponse<String> refused = other.get("/api/supervision/stalled?place=" + TOWN);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("您无权查看停滞镇的情况");
        assertThat(other.get("/api/supervision/stalled?stage=SOMETIME").body()).contains("阶段“SOMETIME”无效");
        assertThat(WebSession.refused(other.get("/api/supervision/stalled?minDaysOverdue=abc"), 400))
                .contains("参数“minDaysOverdue”的取值无效");
        assertThat(new WebSession(port).get("/api/supervision/stalled").statusCode()).isEqualTo(401);
    }

    @Test
    void theDashboardCountsRunningAndOverdueConsultationsPerStage() throws Exception {
        String town = fixtures.township("stalld", "督办镇", 0);
        scenarios.at(town, DemoData.userId(town, Role.LIAISON), "督办镇甲", false).startBeforeAndGet(TASK_APPROVE_TOPIC);
        scenarios.at(town, DemoData.userId(town, Role.LIAISON), "督办镇乙", false).approved()
                .startBeforeAndGet(TASK_DRAFT_PLAN);
        at(T0.plusDays(11));
        scenarios.at(town, DemoData.userId(town, Role.LIAISON), "督办镇丙", false).startBeforeAndGet(TASK_APPROVE_TOPIC);

        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        JsonNode summary = get(supervisor, "/api/supervision/summary?place=" + town);
        assertThat(summary.path("running").asLong()).isEqualTo(3);
        assertThat(summary.path("overdue").asLong()).isEqualTo(2);
        assertThat(summary.path("stages").get(0).path("stageName").asText()).isEqualTo("议题审定");
        assertThat(summary.path("stages").get(0).path("running").asLong()).isEqualTo(2);
        assertThat(summary.path("stages").get(0).path("overdue").asLong()).isEqualTo(1);
        assertThat(summary.path("stages").get(1).path("overdue").asLong()).isEqualTo(1);
        assertThat(summary.path("mostOverdue")).hasSize(2);
        assertThat(get(supervisor, "/api/supervision/filters").path("places").toString()).contains("清溪县 / 督办镇");
    }

    @Test
    void cockpitLoadsTheSupervisionPluginFromItsConfiguration() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> config = browser.get("/camunda/app/cockpit/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).containsPattern("customScripts: \\[[^\\]]*'scripts/consult/supervision'");
        HttpResponse<String> plugin = browser.get("/camunda/app/cockpit/scripts/consult/supervision.js");
        assertThat(plugin.statusCode()).isEqualTo(200);
        assertThat(plugin.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(plugin.body()).contains("pluginPoint: 'cockpit.dashboard'",
                "pluginPoint: 'cockpit.processDefinition.runtime.tab'", "/api/supervision");
    }

    private static StalledQuery query(String place, List<Stage> stages, PlaceLevel level, Integer minDaysOverdue,
            Integer minDaysInStage, boolean overdueOnly, String search) {
        return new StalledQuery(place, stages, level, minDaysOverdue, minDaysInStage, overdueOnly, search,
                StalledQuery.Sort.OVERDUE, false, 0, 50);
    }

    private static List<String> numbers(Page page) {
        return page.rows().stream().map(StalledConsultation::number).toList();
    }

    private JsonNode get(WebSession session, String path) throws Exception {
        return json.readTree(WebSession.ok(session.get(path)));
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZoneSameInstant(FormValues.ZONE).toInstant()));
    }
}

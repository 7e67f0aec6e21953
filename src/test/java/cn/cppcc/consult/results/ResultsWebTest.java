package cn.cppcc.consult.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.citizen.CitizenRelation;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Mechanisms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.TransferForms;
import cn.cppcc.consult.support.WebSession;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.assignment.AssignmentProcess;
import cn.cppcc.consult.transfer.assignment.AssignmentService;
import cn.cppcc.consult.transfer.feedback.FeedbackProcess;

/**
 * The results pages over real HTTP: the supervisors' and staff's tracking page with its timeline and
 * attachments (Camunda webapp login), the public results window and rating API (no login, no personal data).
 */
@ConsultTest
class ResultsWebTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired Mechanisms mechanisms;
    @Autowired AssignmentService assignments;
    @Autowired ConsultationService consultations;
    @Autowired CitizenRepository citizens;
    @Autowired NotificationService notifications;
    @Autowired TaskService taskService;

    @Test
    void staffSeeTheResultsOfTheirPlacesWithTheTimeline() {
        Scenario s = inTransfer();
        String path = "/api/results/" + s.id();

        assertThat(new WebSession(port).get("/api/results").statusCode()).isEqualTo(401);
        for (String user : new String[] {"yunling.liaison", "qingxi.supervisor"}) {
            WebSession session = WebSession.loggedIn(port, user, password);
            assertThat(session.get("/api/results?stage=TRANSFER").body()).contains(s.number());
            HttpResponse<String> detail = session.get(path);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body()).contains("交办责任部门", "县交通局（主办）", "\"canUpload\":false");
        }
        WebSession otherTownship = WebSession.loggedIn(port, "taoyuan.liaison", password);
        assertThat(otherTownship.get("/api/results").body()).doesNotContain(s.number());
        assertThat(otherTownship.get(path).statusCode()).isEqualTo(404);
        assertThat(otherTownship.get("/api/results?stage=ALL").statusCode()).isEqualTo(400);
    }

    @Test
    void departmentsAttachFilesToTheirProgressWithinLimits() {
        Scenario s = inTransfer();
        ResultItem item = mechanisms.items(s).get(0);
        long unit = assignments.unitIds(item.id()).get(0);
        String upload = "/api/assignment-units/" + unit + "/attachments";
        WebSession department = WebSession.loggedIn(port, "yunling.department", password);
        assertThat(department.get("/api/results/" + s.id()).body()).contains("\"canUpload\":true");

        HttpResponse<String> saved = department.postFile(upload, "file", "现场照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(saved.body()).contains("现场照片.jpg", "1KB");
        String task = mechanisms.task(s.number(), AssignmentProcess.TASK_HANDLE, item.id()).getId();
        assertThat(taskService.getVariableLocal(task, "attachmentsSummary")).isEqualTo("现场照片.jpg（1KB）");

        assertThat(department.postFile(upload, "file", "run.exe", new byte[] {1}).body()).contains("不支持的附件类型");
        HttpResponse<String> tooLarge = department.postFile(upload, "file", "大文件.pdf", new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("单个文件不能超过10MB");
        assertThat(WebSession.loggedIn(port, "yunling.liaison", password).postFile(upload, "file", "a.pdf", new byte[] {1})
                .statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).postFile(upload, "file", "a.pdf", new byte[] {1}).statusCode()).isIn(401, 403);

        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_HANDLE, item.id(),
                TransferForms.progress(30, "已开工，见现场照片"));
        String detail = WebSession.loggedIn(port, "qingxi.supervisor", password).get("/api/results/" + s.id()).body();
        assertThat(detail).contains("已开工，见现场照片", "现场照片.jpg");
        long fileId = Long.parseLong(saved.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<byte[]> file = WebSession.loggedIn(port, "qingxi.supervisor", password)
                .download("/api/assignment-attachments/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).containsExactly((byte) 0xFF, (byte) 0xD8, 1);
        assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(WebSession.loggedIn(port, "taoyuan.liaison", password)
                .download("/api/assignment-attachments/" + fileId).statusCode()).isEqualTo(403);
        assertThat(department.delete("/api/assignment-attachments/" + fileId).body()).contains("附件已随进度报告提交，不能删除");
    }

    @Test
    void thePublicWindowShowsClosedConsultationsWithTheirSatisfactionAndNoPersonalData() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.FEEDBACK));
        ResultItem item = mechanisms.items(s).get(0);
        long citizen = citizens.insert("郑阿姨", "13500000000", EngineClock.now());
        citizens.link(consultations.get(s.id()).topicId(), citizen, CitizenRelation.RAISED);
        s.startBefore(ConsultationProcess.GATEWAY_TRANSFER_SPLIT);
        assertThat(new WebSession(port).get("/api/public/results/" + s.number()).statusCode()).isEqualTo(404);
        mechanisms.submit(s.number(), TOWNSHIP.code(), FeedbackProcess.TASK_REPORT, item.id(),
                TransferForms.feedback(true, "已按群众意见设置"));
        String body = notifications.inbox(NotificationService.citizenRecipient(citizen)).stream()
                .filter(n -> n.kind() == NotificationKind.SURVEY).findFirst().orElseThrow().body();
        String rating = "/api/public/ratings/" + body.substring(body.indexOf("?t=") + 3);

        WebSession citizenPhone = new WebSession(port);
        assertThat(citizenPhone.get("/api/public/ratings/not-a-token").statusCode()).isEqualTo(404);
        HttpResponse<String> page = citizenPhone.get(rating);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("已按群众意见设置").doesNotContain("郑阿姨", "13500000000");
        assertThat(citizenPhone.postJson(rating, "{\"rating\":\"BASICALLY_SATISFIED\",\"comment\":\"<script>alert(1)</script>\"}")
                .statusCode()).isEqualTo(200);
        assertThat(consultations.get(s.id()).stage()).isEqualTo(Stage.CLOSED);

        WebSession anyone = new WebSession(port);
        String window = anyone.get("/api/public/results?place=yunling").body();
        assertThat(window).contains(s.number(), "测试议题：乡镇", "\"basic\":1", "满意率100.0%")
                .doesNotContain("郑阿姨", "13500000000", "<script>", "yunling.liaison", "citizen:");
        assertThat(anyone.get("/api/public/results?place=taoyuan").body()).doesNotContain(s.number());
        assertThat(anyone.get("/api/public/results/" + s.number()).body()).contains("反馈", "已作办结反馈");

        assertThat(anyone.get("/public/results.html").body()).contains("协商成果集中统一展示窗口");
        assertThat(anyone.get("/public/rate.html").body()).contains("满意度评价");
        assertThat(anyone.get("/app/results.html").body()).contains("协商成果转化跟踪");
    }

    /** A township consultation carrying one item by assignment, assigned to 县交通局. */
    private Scenario inTransfer() {
        Scenario s = mechanisms.filed(TOWNSHIP, EnumSet.of(Mechanism.ASSIGNMENT));
        s.startBefore(ConsultationProcess.GATEWAY_TRANSFER_SPLIT);
        mechanisms.submit(s.number(), TOWNSHIP.code(), AssignmentProcess.TASK_ASSIGN_DEPARTMENTS,
                mechanisms.items(s).get(0).id(), TransferForms.assignOne());
        return s;
    }
}

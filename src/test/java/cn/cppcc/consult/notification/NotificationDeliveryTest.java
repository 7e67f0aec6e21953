package cn.cppcc.consult.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.ConsultationNotices;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FakeSmsGateway.Mode;
import cn.cppcc.consult.support.FakeSmsGateway.Sms;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;

/**
 * The outbox: a user's step commits with its messages whatever the channels do; a gateway that is
 * down, slow or failing is retried with backoff and finally shows as a failure supervisors see and
 * retry; every message is delivered once, also after a crash and when two nodes run the same
 * delivery; text messages wait out quiet hours.
 */
@ConsultTest
class NotificationDeliveryTest {

    private static final String PARTY = "yunling.party";

    @Autowired Channels channels;
    @Autowired NotificationService notifications;
    @Autowired TasklistDriver tasklist;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationNotices notices;
    @Autowired CitizenRepository citizens;
    @Autowired Scenarios scenarios;
    @Autowired NotificationProperties properties;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;

    @BeforeEach
    void open() {
        channels.open().reach(PARTY, "party@yunling.gov.cn", "13800000011").wants(PARTY, NotificationKind.TASK, false, true);
    }

    @AfterEach
    void close() {
        channels.close();
    }

    @Test
    void aGatewayThatIsDownIsRetriedWithBackoffThenFailsVisiblyAndDeliversOnceWhenBack() {
        channels.sms().down();
        String number = startConsultation("水库移民安置点饮水工程");
        Delivery sms = smsFor(PARTY, number);

        List<Duration> waits = properties.getRetryBackoff();
        for (int attempt = 1; attempt <= waits.size(); attempt++) {
            assertThat(channels.runFailing(sms)).hasMessageStartingWith("无法连接短信网关");
            Delivery retrying = channels.reload(sms);
            assertThat(retrying.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(retrying.attempts()).isEqualTo(attempt);
            Job job = job(retrying);
            assertThat(job.getRetries()).isEqualTo(waits.size() + 1 - attempt);
            assertThat(job.getDuedate()).isEqualTo(Date.from(EngineClock.now().plus(waits.get(attempt - 1)).toInstant()));
            assertThat(retrying.nextAttemptAt().toInstant()).isEqualTo(job.getDuedate().toInstant());
        }
        channels.runFailing(sms);
        Delivery failed = channels.reload(sms);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(waits.size() + 1);
        assertThat(job(failed).getRetries()).isZero();
        Incident incident = runtimeService.createIncidentQuery().configuration(failed.jobId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getIncidentMessage()).startsWith("无法连接短信网关");

        // the user's step was completed once, and the process went on regardless
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
        assertThat(tasklist.task(number, ConsultationProcess.TASK_APPROVE_TOPIC)).isNotNull();

        // supervisors see the failure; others may not
        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        HttpResponse<String> failures = supervisor.get("/api/notification-deliveries/failures");
        assertThat(failures.statusCode()).isEqualTo(200);
        assertThat(failures.body()).contains("\"id\":" + sms.id(), "投递失败", "无法连接短信网关", "短信", PARTY,
                "水库移民安置点饮水工程");
        assertThat(supervisor.get("/api/notifications/summary").body()).contains("\"supervisor\":true");
        HttpResponse<String> forbidden = WebSession.loggedIn(port, "yunling.liaison", password)
                .get("/api/notification-deliveries/failures");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("只有督查人员和系统管理员");

        // the gateway is back: the supervisor retries, the message goes out once
        channels.sms().up();
        assertThat(supervisor.postJson("/api/notification-deliveries/" + sms.id() + "/retry", "").statusCode()).isEqualTo(200);
        assertThat(runtimeService.createIncidentQuery().configuration(failed.jobId()).count()).isZero();
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.PENDING);
        channels.run(sms);
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(channels.sms().requests()).hasSize(1);
        assertThat(channels.sms().delivered()).extracting(Sms::mobile).containsExactly("13800000011");
        HttpResponse<String> again = supervisor.postJson("/api/notification-deliveries/" + sms.id() + "/retry", "");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("只有投递失败的消息可以重新投递");
    }

    @Test
    void aSlowGatewayTimesOutAndTheRetryIsDroppedByItsIdempotencyKey() {
        properties.getSms().setReadTimeout(Duration.ofSeconds(1));
        channels.sms().slowness(Duration.ofSeconds(2));
        channels.sms().mode(Mode.SLOW);
        String number = startConsultation("老街消防通道拓宽");
        Delivery sms = smsFor(PARTY, number);

        assertThat(channels.runFailing(sms)).hasMessage("短信网关响应超时（1秒）");
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.PENDING);

        channels.sms().mode(Mode.UP);
        channels.run(sms);
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(channels.sms().requests()).hasSize(2).extracting(Sms::key).containsOnly(sms.idempotencyKey());
        assertThat(channels.sms().delivered()).hasSize(1);
    }

    @Test
    void aGatewayErrorIsRetriedButARefusedMessageFailsAtOnce() {
        channels.sms().mode(Mode.ERROR);
        String number = startConsultation("集镇污水管网改造");
        Delivery sms = smsFor(PARTY, number);
        assertThat(channels.runFailing(sms)).hasMessageStartingWith("短信网关返回错误（HTTP 500）");
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(job(channels.reload(sms)).getRetries()).isEqualTo(properties.getRetryBackoff().size());

        channels.sms().mode(Mode.REFUSE);
        assertThat(channels.runFailing(sms)).hasMessageStartingWith("短信网关拒绝发送（HTTP 400）");
        Delivery refused = channels.reload(sms);
        assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refused.lastError()).contains("invalid mobile");
        assertThat(job(refused).getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().configuration(refused.jobId()).count()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenCommitAndDeliveryStillDeliversAfterTheRestart() {
        String number = startConsultation("村卫生室搬迁选址");
        Delivery sms = smsFor(PARTY, number);
        // a node acquired the delivery's job and died before sending: the job stays locked until its lock expires
        OffsetDateTime lockExpiry = EngineClock.now().plusMinutes(5);
        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?")
                .params("node-that-crashed", Date.from(lockExpiry.toInstant()), sms.jobId()).update();
        assertThat(channels.sms().requests()).isEmpty();
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.PENDING);

        // after the restart the lock has expired and a node's job executor runs the job again
        ClockUtil.setCurrentTime(Date.from(lockExpiry.plusMinutes(1).toInstant()));
        channels.run(sms);
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(channels.sms().delivered()).hasSize(1);
        assertThat(managementService.createJobQuery().jobId(sms.jobId()).count()).isZero();
    }

    @Test
    void twoNodesRunningTheSameDeliveryAtOnceSendItOnce() throws Exception {
        channels.sms().slowness(Duration.ofMillis(800));
        channels.sms().mode(Mode.SLOW);
        String number = startConsultation("山塘水库除险加固");
        Delivery sms = smsFor(PARTY, number);

        List<Throwable> outcomes = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> runRecording(sms, outcomes));
        first.start();
        long deadline = System.currentTimeMillis() + 5000;
        while (channels.sms().requests().isEmpty() && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        Thread second = new Thread(() -> runRecording(sms, outcomes));
        second.start();
        first.join();
        second.join();

        assertThat(channels.sms().requests()).hasSize(1);
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(channels.reload(sms).attempts()).isEqualTo(1);
    }

    @Test
    void textMessagesWaitOutQuietHoursAndEmailDoesNot() {
        channels.wants(PARTY, NotificationKind.TASK, true, true);
        Channels.at(LocalTime.of(23, 30));
        String number = startConsultation("夜间施工噪声扰民");
        Notification offered = notifications.inbox(PARTY).stream()
                .filter(n -> n.kind() == NotificationKind.TASK && n.subject().contains("夜间施工噪声扰民")).findFirst().orElseThrow();
        List<Delivery> deliveries = channels.of(offered);
        Delivery email = deliveries.stream().filter(d -> d.channel() == Channel.EMAIL).findFirst().orElseThrow();
        Delivery sms = deliveries.stream().filter(d -> d.channel() == Channel.SMS).findFirst().orElseThrow();
        OffsetDateTime seven = EngineClock.now().plusDays(1).atZoneSameInstant(FormValues.ZONE).with(LocalTime.of(7, 0))
                .toOffsetDateTime();
        assertThat(email.nextAttemptAt()).isNull();
        assertThat(sms.nextAttemptAt().toInstant()).isEqualTo(seven.toInstant());
        assertThat(job(sms).getDuedate().toInstant()).isEqualTo(seven.toInstant());

        channels.run(email);
        assertThat(channels.mailsTo("party@yunling.gov.cn")).hasSize(1);
        // run in the quiet hours all the same (a retry, a supervisor): it waits again, nothing is sent or lost
        channels.run(sms);
        Delivery waiting = channels.reload(sms);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.jobId()).isNotEqualTo(sms.jobId());
        assertThat(job(waiting).getDuedate().toInstant()).isEqualTo(seven.toInstant());
        assertThat(channels.sms().requests()).isEmpty();

        ClockUtil.setCurrentTime(Date.from(seven.toInstant()));
        channels.run(waiting);
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(channels.sms().delivered()).hasSize(1);
    }

    @Test
    void aUsersOwnQuietHoursApplyToTheirTextMessages() {
        channels.wants(PARTY, NotificationKind.TASK, false, true);
        channels.reach(PARTY, "party@yunling.gov.cn", "13800000011");
        jdbc.sql("update staff_contact set quiet_from = ?, quiet_until = ? where user_id = ?")
                .params(LocalTime.of(12, 0), LocalTime.of(14, 0), PARTY).update();
        Channels.at(LocalTime.of(12, 30));
        Delivery sms = smsFor(PARTY, startConsultation("午休时段广场舞噪声"));
        assertThat(sms.nextAttemptAt().atZoneSameInstant(FormValues.ZONE).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void eachChannelOnlyWhereTheRecipientCanBeReachedAndWantsIt() {
        // by default a task comes by e-mail, not by text message
        channels.wants(PARTY, NotificationKind.TASK, true, false);
        channels.reach("yunling.liaison", null, null);
        String number = startConsultation("农贸市场摊位调整");
        Notification offered = notifications.inbox(PARTY).stream()
                .filter(n -> n.kind() == NotificationKind.TASK && n.subject().contains("农贸市场摊位调整")).findFirst().orElseThrow();
        assertThat(channels.of(offered)).extracting(Delivery::channel).containsExactly(Channel.EMAIL);
        assertThat(StaffContacts.defaultChoice(NotificationKind.TASK).sms()).isFalse();
        assertThat(StaffContacts.defaultChoice(NotificationKind.ESCALATION).sms()).isTrue();

        // a citizen whose data is anonymised before the message goes out is not sent anything
        var s = scenarios.at(Places.TOWNSHIP);
        long citizen = citizens.insert("赵六", "13900000009", EngineClock.now());
        notifications.toCitizens(List.of(citizen), Message.of(MessageTemplate.TOPIC_REJECTED_CITIZEN, s.id())
                .with(Placeholder.TOPIC, "测试议题").with(Placeholder.REASON, "测试"));
        Delivery toCitizen = channels.of(notifications.inbox(NotificationService.citizenRecipient(citizen)).get(0)).get(0);
        citizens.anonymise(citizen, EngineClock.now());
        channels.run(toCitizen);
        assertThat(channels.reload(toCitizen).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(channels.reload(toCitizen).lastError()).isEqualTo("收件人已没有手机号码");
        assertThat(channels.sms().requests()).isEmpty();
        assertThat(number).isNotNull();
    }

    @Test
    void aDeliveryWhoseJobIsDeletedIsCancelledNotLeftPending() {
        Delivery sms = smsFor(PARTY, startConsultation("渡口安全设施"));
        managementService.deleteJob(sms.jobId());
        assertThat(channels.reload(sms).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(channels.reload(sms).lastError()).isEqualTo("投递作业已被删除");
    }

    // ---- helpers

    /** The step: an organiser starts a consultation, which offers the topic's approval to the party committee. */
    private String startConsultation(String title) {
        return tasklist.start(Places.TOWNSHIP.organiser(), ConsultationProcess.KEY, Forms.startConsultation(title))
                .getBusinessKey();
    }

    private Delivery smsFor(String userId, String number) {
        long consultationId = consultations.getByNumber(number).id();
        Notification offered = notifications.inbox(userId).stream()
                .filter(n -> n.kind() == NotificationKind.TASK && Long.valueOf(consultationId).equals(n.consultationId()))
                .findFirst().orElseThrow();
        return channels.of(offered).stream().filter(d -> d.channel() == Channel.SMS).findFirst().orElseThrow();
    }

    private Job job(Delivery delivery) {
        return managementService.createJobQuery().jobId(delivery.jobId()).singleResult();
    }

    private void runRecording(Delivery delivery, List<Throwable> outcomes) {
        try {
            channels.run(delivery);
            outcomes.add(null);
        } catch (RuntimeException e) {
            outcomes.add(e);
        }
    }
}

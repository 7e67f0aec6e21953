package cn.cppcc.consult.participation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.NotificationProperties;
import cn.cppcc.consult.support.FakeSmsGateway;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.WebSession;

/**
 * What online participation tests need: a real HTTP SMS gateway the platform sends codes to, open
 * online consultations, people registered through the real code flow, and fresh mobile numbers.
 * {@link #close()} puts the platform back for the other tests.
 */
@Component
class OnlineFixture {

    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationProperties notification;
    private final OnlineProperties properties;
    private final Scenarios scenarios;
    private final VerificationCodes codes;
    private final Registrations registrations;
    private final JdbcClient jdbc;
    private final ConsultationService consultations;
    private FakeSmsGateway sms;

    OnlineFixture(NotificationProperties notification, OnlineProperties properties, Scenarios scenarios,
            VerificationCodes codes, Registrations registrations, JdbcClient jdbc, ConsultationService consultations) {
        this.notification = notification;
        this.properties = properties;
        this.scenarios = scenarios;
        this.codes = codes;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.consultations = consultations;
    }

    OnlineFixture open() {
        sms = new FakeSmsGateway();
        notification.getSms().setUrl(sms.url());
        notification.getSms().setReadTimeout(Duration.ofSeconds(2));
        return this;
    }

    void close() {
        sms.close();
        notification.getSms().setUrl(null);
        notification.getSms().setReadTimeout(Duration.ofSeconds(15));
        OnlineProperties defaults = new OnlineProperties();
        properties.setOpinionsPerPerson(defaults.getOpinionsPerPerson());
        properties.setOpinionsPerConsultation(defaults.getOpinionsPerConsultation());
        properties.setCodesPerClientPerHour(100_000);
        ClockUtil.reset();
    }

    FakeSmsGateway sms() {
        return sms;
    }

    /** A mobile number no other test uses. */
    static String mobile() {
        return String.format("1390010%04d", NUMBERS.incrementAndGet());
    }

    /** The code in the newest text message the gateway accepted for this number. */
    String codeSentTo(String mobile) {
        List<FakeSmsGateway.Sms> sent = sms.delivered().stream().filter(m -> m.mobile().equals(mobile)).toList();
        if (sent.isEmpty()) {
            throw new AssertionError("没有发往" + mobile + "的短信");
        }
        Matcher m = CODE.matcher(sent.get(sent.size() - 1).content());
        if (!m.find()) {
            throw new AssertionError("短信中没有验证码：" + sent.get(sent.size() - 1).content());
        }
        return m.group(1);
    }

    /** Registers through the real code flow and returns the person signed in. */
    Person register(String name, String mobile) {
        codes.send(mobile, "127.0.0.1");
        return registrations.register(name, mobile, codeSentTo(mobile), true).person();
    }

    /** An online consultation at the place, research accepted, its process waiting at the closing timer. */
    Online openConsultation(Places place) {
        Scenario s = scenarios.at(place).approved().planned(ConsultationForm.ONLINE, false).withParticipants()
                .researched(true);
        ProcessInstance pi = s.startBefore(ConsultationProcess.GATEWAY_CONSULTATION_FORM);
        return new Online(s, pi);
    }

    record Online(Scenario scenario, ProcessInstance process) {

        long id() {
            return scenario.id();
        }

        String number() {
            return scenario.number();
        }
    }

    java.time.OffsetDateTime closingAt(Online online) {
        return consultations.get(online.id()).closingAt();
    }

    // ---- the public API as the page calls it

    static HttpResponse<String> sendCode(WebSession page, String mobile) {
        return page.postJson("/api/public/online/codes", "{\"mobile\":\"" + mobile + "\"}");
    }

    static HttpResponse<String> register(WebSession page, String name, String mobile, String code, boolean consent) {
        return page.postJson("/api/public/online/registrations", String.format(
                "{\"name\":\"%s\",\"mobile\":\"%s\",\"code\":\"%s\",\"consent\":%s}", name, mobile, code, consent));
    }

    /** A browser-like session of a person registered through the public API with the code the gateway received. */
    WebSession registered(int port, String name, String mobile) {
        WebSession session = new WebSession(port);
        HttpResponse<String> sent = sendCode(session, mobile);
        if (sent.statusCode() != 200) {
            throw new AssertionError("获取验证码失败：" + sent.body());
        }
        HttpResponse<String> registered = register(session, name, mobile, codeSentTo(mobile), true);
        if (registered.statusCode() != 200) {
            throw new AssertionError("实名登记失败：" + registered.body());
        }
        return session;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.statusCode() + " " + response.body(), e);
        }
    }

    static String message(HttpResponse<String> response) {
        return json(response).path("message").asText();
    }

    /** Rows of the code table for this number: what the database keeps of a code. */
    List<java.util.Map<String, Object>> codeRows(String mobile) {
        return jdbc.sql("select * from verification_code where mobile_hash = ?").param(Secrets.sha256(mobile))
                .query().listOfRows();
    }
}

package cn.cppcc.consult.participation;

import static cn.cppcc.consult.participation.OnlineFixture.json;
import static cn.cppcc.consult.participation.OnlineFixture.message;
import static cn.cppcc.consult.participation.OnlineFixture.register;
import static cn.cppcc.consult.participation.OnlineFixture.sendCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.NotificationProperties;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FakeSmsGateway;
import cn.cppcc.consult.support.WebSession;

/**
 * Real-name registration over HTTP as the public page does it: a code by text message through the
 * platform's SMS gateway (a real HTTP server here), then name, number and code. Every refusal is a
 * clear Chinese message and leaves nobody signed in.
 */
@ConsultTest
class RegistrationWebTest {

    @Autowired OnlineFixture fixture;
    @Autowired OnlineProperties properties;
    @Autowired NotificationProperties notification;
    @Autowired CitizenRepository citizens;
    @LocalServerPort int port;

    @BeforeEach
    void open() {
        fixture.open();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aCodeSentByTextMessageConfirmsTheNumberAndSignsThePersonIn() throws Exception {
        String mobile = OnlineFixture.mobile();
        WebSession page = new WebSession(port);

        HttpResponse<String> sent = sendCode(page, mobile);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(json(sent).path("message").asText()).isEqualTo("验证码已发送，10分钟内有效");
        assertThat(json(sent).path("resendSeconds").asInt()).isEqualTo(60);
        FakeSmsGateway.Sms sms = fixture.sms().delivered().stream().filter(m -> m.mobile().equals(mobile)).findFirst()
                .orElseThrow();
        assertThat(sms.signName()).isEqualTo("政协协商平台");
        assertThat(sms.content()).startsWith("您正在政协协商平台实名登记，验证码").contains("10分钟内有效");
        String code = fixture.codeSentTo(mobile);

        // the database keeps neither the code nor the number
        List<Map<String, Object>> rows = fixture.codeRows(mobile);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).doesNotContain(code).doesNotContain(mobile));

        assertThat(json(page.get("/api/public/online/me")).path("registered").asBoolean()).isFalse();
        HttpResponse<String> registered = register(page, "张三丰", mobile, code, true);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(json(registered).path("name").asText()).isEqualTo("张**");
        assertThat(json(registered).path("mobile").asText()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        String cookie = registered.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("consult_online=").contains("HttpOnly", "SameSite=Strict", "Path=/api/public/online");

        JsonNode me = json(page.get("/api/public/online/me"));
        assertThat(me.path("registered").asBoolean()).isTrue();
        assertThat(me.path("name").asText()).isEqualTo("张**");
        assertThat(citizens.findByMobile(mobile)).extracting(Citizen::name).containsExactly("张三丰");

        // signing out ends the session on the server, not only in the browser
        assertThat(page.delete("/api/public/online/session").statusCode()).isEqualTo(204);
        assertThat(json(page.get("/api/public/online/me")).path("registered").asBoolean()).isFalse();
    }

    @Test
    void theSamePersonRegisteringAgainIsFoundAgainAndFamilyMembersSharingAPhoneAreOthers() {
        String mobile = OnlineFixture.mobile();
        Person first = fixture.register("李四", mobile);
        later(Duration.ofMinutes(2));
        Person again = fixture.register("李四", mobile);
        assertThat(again.citizenId()).isEqualTo(first.citizenId());

        later(Duration.ofMinutes(2));
        Person mother = fixture.register("王秀兰", mobile);
        assertThat(mother.citizenId()).isNotEqualTo(first.citizenId());
        later(Duration.ofMinutes(2));
        fixture.register("李小明", mobile);
        later(Duration.ofMinutes(2));

        WebSession page = new WebSession(port);
        sendCode(page, mobile);
        HttpResponse<String> fourth = register(page, "李小红", mobile, fixture.codeSentTo(mobile), true);
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(message(fourth)).isEqualTo("该手机号已登记3人，不能再登记其他姓名");
        assertThat(citizens.findByMobile(mobile)).hasSize(3);
    }

    @Test
    void aWrongCodeIsRefusedWithTheTriesLeftAndTooManyWrongTriesSpendTheCode() {
        String mobile = OnlineFixture.mobile();
        WebSession page = new WebSession(port);
        sendCode(page, mobile);
        String code = fixture.codeSentTo(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> first = register(page, "赵六", mobile, wrong, true);
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(message(first)).isEqualTo("验证码不正确，还可以再试4次");
        for (int left = 3; left >= 1; left--) {
            assertThat(message(register(page, "赵六", mobile, wrong, true))).isEqualTo("验证码不正确，还可以再试" + left + "次");
        }
        assertThat(message(register(page, "赵六", mobile, wrong, true))).isEqualTo("验证码输错次数过多，已失效，请重新获取");

        HttpResponse<String> right = register(page, "赵六", mobile, code, true);
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(message(right)).isEqualTo("验证码输错次数过多，已失效，请重新获取");
        assertThat(json(page.get("/api/public/online/me")).path("registered").asBoolean()).isFalse();
        assertThat(citizens.findByMobile(mobile)).isEmpty();
        assertThat(message(register(page, "赵六", mobile, "12ab", true))).isEqualTo("请输入短信中的6位验证码");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String mobile = OnlineFixture.mobile();
        WebSession page = new WebSession(port);
        sendCode(page, mobile);
        String code = fixture.codeSentTo(mobile);

        later(Duration.ofMinutes(10));
        HttpResponse<String> expired = register(page, "钱七", mobile, code, true);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(message(expired)).isEqualTo("验证码已过期，请重新获取");
        assertThat(citizens.findByMobile(mobile)).isEmpty();

        // a new code works, and only the newest one counts
        sendCode(page, mobile);
        assertThat(message(register(page, "钱七", mobile, code, true))).startsWith("验证码不正确");
        assertThat(register(page, "钱七", mobile, fixture.codeSentTo(mobile), true).statusCode()).isEqualTo(200);
    }

    @Test
    void aUsedCodeCannotBeUsedAgain() {
        String mobile = OnlineFixture.mobile();
        WebSession page = new WebSession(port);
        sendCode(page, mobile);
        String code = fixture.codeSentTo(mobile);
        assertThat(register(page, "孙八", mobile, code, true).statusCode()).isEqualTo(200);

        WebSession elsewhere = new WebSession(port);
        HttpResponse<String> reused = register(elsewhere, "孙八", mobile, code, true);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(message(reused)).isEqualTo("该验证码已使用过，请重新获取验证码");
        assertThat(json(elsewhere.get("/api/public/online/me")).path("registered").asBoolean()).isFalse();
    }

    @Test
    void codesAreNotSentAgainTooSoonNorTooOftenFromOneNumberOrOneClient() {
        ClockUtil.setCurrentTime(new Date());
        String mobile = OnlineFixture.mobile();
        WebSession page = new WebSession(port);
        assertThat(sendCode(page, mobile).statusCode()).isEqualTo(200);
        later(Duration.ofSeconds(20));
        HttpResponse<String> soon = sendCode(page, mobile);
        assertThat(soon.statusCode()).isEqualTo(429);
        assertThat(message(soon)).isEqualTo("验证码已发送，请40秒后再重新获取");

        for (int i = 2; i <= 5; i++) {
            later(Duration.ofSeconds(61));
            assertThat(sendCode(page, mobile).statusCode()).isEqualTo(200);
        }
        later(Duration.ofSeconds(61));
        HttpResponse<String> sixth = sendCode(page, mobile);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(message(sixth)).isEqualTo("该手机号获取验证码过于频繁，请1小时后再试");
        assertThat(fixture.sms().delivered().stream().filter(m -> m.mobile().equals(mobile))).hasSize(5);
        later(Duration.ofMinutes(60));
        assertThat(sendCode(page, mobile).statusCode()).isEqualTo(200);

        later(Duration.ofHours(2));
        properties.setCodesPerClientPerHour(2);
        assertThat(sendCode(page, OnlineFixture.mobile()).statusCode()).isEqualTo(200);
        assertThat(sendCode(page, OnlineFixture.mobile()).statusCode()).isEqualTo(200);
        HttpResponse<String> third = sendCode(page, OnlineFixture.mobile());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(message(third)).isEqualTo("获取验证码过于频繁，请稍后再试");
    }

    @Test
    void badInputAndAMissingOrFailingGatewayAreRefusedInChinese() {
        WebSession page = new WebSession(port);
        assertThat(message(sendCode(page, "12345"))).isEqualTo("请输入正确的11位手机号码");
        String mobile = OnlineFixture.mobile();
        sendCode(page, mobile);
        String code = fixture.codeSentTo(mobile);
        assertThat(message(register(page, "<b>x</b>", mobile, code, true))).isEqualTo("请填写真实姓名（2至20个汉字或字母）");
        assertThat(message(register(page, "周九", mobile, code, false))).isEqualTo("请阅读并同意《个人信息处理说明》后再登记");
        assertThat(page.postJson("/api/public/online/registrations", "{not json").body()).contains("请求内容格式不正确");
        // refusals before the code is checked leave it usable
        assertThat(register(page, "周九", mobile, code, true).statusCode()).isEqualTo(200);

        String other = OnlineFixture.mobile();
        fixture.sms().mode(FakeSmsGateway.Mode.ERROR);
        HttpResponse<String> failing = sendCode(page, other);
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(message(failing)).isEqualTo("验证码短信发送失败，请稍后重试");
        assertThat(fixture.codeRows(other)).isEmpty();
        fixture.sms().mode(FakeSmsGateway.Mode.UP);
        assertThat(sendCode(page, other).statusCode()).isEqualTo(200);

        notification.getSms().setUrl(null);
        HttpResponse<String> none = sendCode(page, OnlineFixture.mobile());
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(message(none)).isEqualTo("短信服务暂未开通，暂时无法实名登记，请稍后再试");
    }

    /** Moves the engine's clock (which the platform's records and limits read) forward. */
    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }
}

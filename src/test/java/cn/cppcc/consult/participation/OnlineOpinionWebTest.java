package cn.cppcc.consult.participation;

import static cn.cppcc.consult.participation.OnlineFixture.json;
import static cn.cppcc.consult.participation.OnlineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.StaffContacts;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.participation.OnlineFixture.Online;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;

/**
 * Taking part in an open online consultation over HTTP as the public page does: posting needs
 * registration, stops at the closing time and at the limits; the host's moderation hides an
 * opinion from the public but keeps it; what people write comes back as text; members and
 * invited participants are marked with their role.
 */
@ConsultTest
class OnlineOpinionWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "yunling.host";

    @Autowired OnlineFixture fixture;
    @Autowired Scenarios scenarios;
    @Autowired OnlineProperties properties;
    @Autowired ConsultationService consultations;
    @Autowired NotificationService notifications;
    @Autowired StaffContacts contacts;
    @Autowired ManagementService managementService;
    @Autowired OrganisationService organisation;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;

    @BeforeEach
    void open() {
        fixture.open();
    }

    @AfterEach
    void close() {
        fixture.close();
        for (String user : List.of("qingxi.member", "yunling.member")) {
            contacts.saveContact(user, null, null, null, null);
            jdbc.sql("delete from staff_contact where user_id = ?").param(user).update();
        }
    }

    @Test
    void theHostPublishesMaterialAndThePlaceListsTheOpenConsultationWithTopicMaterialAndClosingTime() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        WebSession host = WebSession.loggedIn(port, HOST, password);
        assertThat(host.putJson("/api/online/consultations/" + online.number() + "/material", "{\"content\":\"  \"}").body())
                .contains("请填写背景材料");
        assertThat(host.putJson("/api/online/consultations/" + online.number() + "/material",
                "{\"content\":\"道路现状：3公里村道破损。\\n资金来源：镇财政与村集体。\"}").statusCode()).isEqualTo(204);

        WebSession page = new WebSession(port);
        JsonNode township = json(page.get("/api/public/online/consultations?place=yunling"));
        JsonNode card = find(township, online.number());
        assertThat(card.path("title").asText()).isEqualTo("测试议题：乡镇");
        assertThat(card.path("placeName").asText()).isEqualTo("云岭镇");
        assertThat(card.path("status").asText()).isEqualTo("OPEN");
        assertThat(card.path("statusLabel").asText()).isEqualTo("征求意见中");
        assertThat(card.path("closingAt").asText()).isNotEmpty();
        assertThat(find(json(page.get("/api/public/online/consultations?place=qingxi")), online.number())).isNotNull();
        assertThat(find(json(page.get("/api/public/online/consultations?place=taoyuan")), online.number())).isNull();
        assertThat(find(json(page.get("/api/public/online/consultations?place=shuikou")), online.number())).isNull();
        assertThat(page.get("/api/public/online/consultations?place=nowhere").statusCode()).isEqualTo(404);
        assertThat(message(page.get("/api/public/online/consultations"))).isEqualTo("请求内容格式不正确");
        assertThat(message(page.postJson("/api/public/online/opinions/abc/support", ""))).isEqualTo("参数“id”的取值无效");

        JsonNode detail = json(page.get("/api/public/online/consultations/" + online.number()));
        assertThat(detail.path("open").asBoolean()).isTrue();
        assertThat(detail.path("description").asText()).isEqualTo("测试用的议题内容");
        assertThat(detail.path("material").path("content").asText()).isEqualTo("道路现状：3公里村道破损。\n资金来源：镇财政与村集体。");
        assertThat(detail.path("me").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(detail.path("closingAt").asText()).toInstant())
                .isEqualTo(consultations.get(online.id()).closingAt().toInstant());

        JsonNode places = json(page.get("/api/public/online/places"));
        assertThat(StreamSupport.stream(places.spliterator(), false).map(p -> p.path("name").asText()))
                .contains("清溪县", "云岭镇", "水口村", "桃源镇");

        // only the host and the organiser of the place manage it
        assertThat(WebSession.loggedIn(port, "taoyuan.host", password)
                .putJson("/api/online/consultations/" + online.number() + "/material", "{\"content\":\"越权\"}").statusCode())
                .isEqualTo(403);
        assertThat(new WebSession(port).get("/api/online/consultations").statusCode()).isEqualTo(401);
        assertThat(json(WebSession.loggedIn(port, "yunling.liaison", password).get("/api/online/consultations")))
                .extracting(r -> r.path("number").asText()).contains(online.number());
    }

    @Test
    void beforeItOpensTheHostPreparesTheMaterialButThePublicDoesNotSeeItAndNoLinkIsPushed() throws Exception {
        var s = scenarios.at(Places.TOWNSHIP).approved().planned(ConsultationForm.ONLINE, false).withParticipants();
        WebSession host = WebSession.loggedIn(port, HOST, password);
        assertThat(host.putJson("/api/online/consultations/" + s.number() + "/material", "{\"content\":\"提前准备的材料\"}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> early = host.postJson("/api/online/consultations/" + s.number() + "/invitations",
                "{\"allMembers\":true}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(message(early)).isEqualTo("网络协商尚未开始征求意见，开始后再推送链接");

        WebSession page = new WebSession(port);
        HttpResponse<String> hidden = page.get("/api/public/online/consultations/" + s.number());
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(message(hidden)).isEqualTo("没有找到这项网络协商，或者它尚未开始征求意见");
        assertThat(find(json(page.get("/api/public/online/consultations?place=yunling")), s.number())).isNull();
        assertThat(message(page.get("/api/public/online/consultations/XS1999-99999"))).isEqualTo("没有找到这项网络协商");
    }

    @Test
    void postingNeedsRegistrationAndARegisteredPersonPostsEditsAndSupportsUntilTheClosingTime() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String opinions = "/api/public/online/consultations/" + online.number() + "/opinions";

        WebSession stranger = new WebSession(port);
        HttpResponse<String> anonymous = stranger.postJson(opinions, "{\"content\":\"没有登记也想发言\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(message(anonymous)).isEqualTo("请先用手机号实名登记");

        WebSession zhang = registered("张建华");
        WebSession wang = registered("王丽");
        HttpResponse<String> posted = zhang.postJson(opinions, "{\"content\":\"建议先修排水沟，再铺路面。\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        long id = json(posted).path("id").asLong();
        assertThat(message(zhang.postJson(opinions, "{\"content\":\" \"}"))).isEqualTo("请填写意见内容（至少2个字）");
        assertThat(message(zhang.postJson(opinions, "{\"content\":\"" + "长".repeat(1001) + "\"}")))
                .isEqualTo("意见不能超过1000字，当前1001字");

        assertThat(zhang.postJson("/api/public/online/opinions/" + id + "/support", "").statusCode()).isEqualTo(409);
        assertThat(wang.postJson("/api/public/online/opinions/" + id + "/support", "").statusCode()).isEqualTo(204);
        assertThat(wang.postJson("/api/public/online/opinions/" + id + "/support", "").statusCode()).isEqualTo(204);
        HttpResponse<String> othersEdit = wang.putJson("/api/public/online/opinions/" + id, "{\"content\":\"改别人的\"}");
        assertThat(othersEdit.statusCode()).isEqualTo(403);
        assertThat(message(othersEdit)).isEqualTo("只能修改自己发表的意见");
        assertThat(zhang.putJson("/api/public/online/opinions/" + id, "{\"content\":\"建议先修排水沟，再铺沥青路面。\"}")
                .statusCode()).isEqualTo(204);

        JsonNode seenByWang = json(wang.get("/api/public/online/consultations/" + online.number()));
        JsonNode opinion = seenByWang.path("opinions").get(0);
        assertThat(opinion.path("author").asText()).isEqualTo("张**");
        assertThat(opinion.path("role").asText()).isEqualTo("群众");
        assertThat(opinion.path("content").asText()).isEqualTo("建议先修排水沟，再铺沥青路面。");
        assertThat(opinion.path("edited").asBoolean()).isTrue();
        assertThat(opinion.path("supports").asLong()).isEqualTo(1);
        assertThat(opinion.path("supported").asBoolean()).isTrue();
        assertThat(opinion.path("mine").asBoolean()).isFalse();
        assertThat(seenByWang.path("me").path("name").asText()).isEqualTo("王*");
        assertThat(json(zhang.get("/api/public/online/consultations/" + online.number())).path("opinions").get(0)
                .path("mine").asBoolean()).isTrue();
        assertThat(stranger.get("/api/public/online/consultations/" + online.number()).body())
                .doesNotContain("张建华", "王丽", "1390010");
        assertThat(wang.delete("/api/public/online/opinions/" + id + "/support").statusCode()).isEqualTo(204);

        // at the closing time nothing more is accepted
        Date closing = Date.from(consultations.get(online.id()).closingAt().toInstant());
        ClockUtil.setCurrentTime(closing);
        String closed = "网络协商已于" + OnlineWindow.time(consultations.get(online.id()).closingAt()) + "截止，不再接受意见和修改";
        HttpResponse<String> late = wang.postJson(opinions, "{\"content\":\"截止后才看到\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(message(late)).isEqualTo(closed);
        assertThat(message(zhang.putJson("/api/public/online/opinions/" + id, "{\"content\":\"截止后再改\"}"))).isEqualTo(closed);
        assertThat(message(wang.postJson("/api/public/online/opinions/" + id + "/support", ""))).isEqualTo(closed);
        JsonNode after = json(zhang.get("/api/public/online/consultations/" + online.number()));
        assertThat(after.path("open").asBoolean()).isFalse();
        assertThat(after.path("statusLabel").asText()).isEqualTo("已截止，正在汇总意见");
        assertThat(after.path("opinions")).hasSize(1);
        assertThat(after.path("opinions").get(0).path("content").asText()).isEqualTo("建议先修排水沟，再铺沥青路面。");
    }

    @Test
    void postingBeyondTheLimitsPerPersonAndPerConsultationIsRefused() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String opinions = "/api/public/online/consultations/" + online.number() + "/opinions";
        WebSession zhao = registered("赵强");
        for (int i = 1; i <= 5; i++) {
            assertThat(zhao.postJson(opinions, "{\"content\":\"第" + i + "条意见\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> sixth = zhao.postJson(opinions, "{\"content\":\"第6条意见\"}");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(message(sixth)).isEqualTo("每人在本次协商中最多发表5条意见，您已发表5条；可以修改已发表的意见");
        assertThat(json(zhao.get("/api/public/online/consultations/" + online.number())).path("me").path("posted").asLong())
                .isEqualTo(5);

        properties.setOpinionsPerConsultation(6);
        WebSession qian = registered("钱敏");
        assertThat(qian.postJson(opinions, "{\"content\":\"第六条\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> full = registered("孙磊").postJson(opinions, "{\"content\":\"第七条\"}");
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(message(full)).isEqualTo("本次协商收到的意见已达上限（6条），不再接受新意见");
        assertThat(json(qian.get("/api/public/online/consultations/" + online.number())).path("opinions")).hasSize(6);
    }

    @Test
    void hiddenOpinionsLeaveThePublicPageButStayInTheHistoryAndTheirAuthorSeesWhy() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String opinions = "/api/public/online/consultations/" + online.number() + "/opinions";
        WebSession author = registered("周涛");
        long id = json(author.postJson(opinions, "{\"content\":\"村主任张某某的电话是13800000000，大家去找他\"}"))
                .path("id").asLong();
        author.postJson(opinions, "{\"content\":\"另一条正常的意见\"}");

        WebSession host = WebSession.loggedIn(port, HOST, password);
        HttpResponse<String> noReason = host.postJson("/api/online/opinions/" + id + "/hide", "{\"reason\":\"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(message(noReason)).isEqualTo("请填写屏蔽理由（将告知意见作者）");
        assertThat(WebSession.loggedIn(port, "taoyuan.host", password)
                .postJson("/api/online/opinions/" + id + "/hide", "{\"reason\":\"越权\"}").statusCode()).isEqualTo(403);
        assertThat(host.postJson("/api/online/opinions/" + id + "/hide", "{\"reason\":\"含他人个人信息\"}").statusCode())
                .isEqualTo(204);

        JsonNode seen = json(new WebSession(port).get("/api/public/online/consultations/" + online.number()));
        assertThat(seen.path("opinions")).extracting(o -> o.path("content").asText()).containsExactly("另一条正常的意见");
        assertThat(seen.toString()).doesNotContain("13800000000");
        JsonNode own = json(author.get("/api/public/online/consultations/" + online.number()));
        assertThat(own.path("opinions")).hasSize(1);
        assertThat(own.path("me").path("hidden")).hasSize(1);
        assertThat(own.path("me").path("hidden").get(0).path("reason").asText()).isEqualTo("含他人个人信息");
        assertThat(message(author.putJson("/api/public/online/opinions/" + id, "{\"content\":\"改一下\"}")))
                .isEqualTo("该意见已被主持人屏蔽，不能修改；理由：含他人个人信息");

        // kept, with its history, for the host
        assertThat(jdbc.sql("select count(*) from opinion where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        JsonNode managed = json(host.get("/api/online/consultations/" + online.number()));
        JsonNode row = StreamSupport.stream(managed.path("opinions").spliterator(), false)
                .filter(o -> o.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.path("hidden").asBoolean()).isTrue();
        assertThat(row.path("hiddenReason").asText()).isEqualTo("含他人个人信息");
        assertThat(row.path("history")).extracting(e -> e.path("action").asText()).containsExactly("发表", "屏蔽");
        assertThat(row.path("history").get(1).path("actor").asText()).isEqualTo("云岭镇协商主持人 （演示）");
        assertThat(message(host.postJson("/api/online/opinions/" + id + "/hide", "{\"reason\":\"再屏蔽\"}")))
                .isEqualTo("该意见已屏蔽");

        assertThat(host.postJson("/api/online/opinions/" + id + "/restore", "{\"reason\":\"作者已说明为公开办公电话\"}")
                .statusCode()).isEqualTo(204);
        assertThat(json(new WebSession(port).get("/api/public/online/consultations/" + online.number())).path("opinions"))
                .hasSize(2);
        JsonNode restored = StreamSupport.stream(json(host.get("/api/online/consultations/" + online.number()))
                .path("opinions").spliterator(), false).filter(o -> o.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(restored.path("history")).extracting(e -> e.path("action").asText())
                .containsExactly("发表", "屏蔽", "恢复显示");
    }

    @Test
    void htmlAndScriptInOpinionsComeBackAsTextAndThePageNeverParsesThem() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String attack = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> & 其他";
        WebSession wu = registered("吴刚");
        assertThat(wu.postJson("/api/public/online/consultations/" + online.number() + "/opinions",
                JSON.writeValueAsString(Map.of("content", attack))).statusCode()).isEqualTo(201);

        HttpResponse<String> detail = new WebSession(port).get("/api/public/online/consultations/" + online.number());
        assertThat(detail.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(detail.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(json(detail).path("opinions").get(0).path("content").asText()).isEqualTo(attack);

        HttpResponse<String> page = new WebSession(port).get("/public/online.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script>").contains("<script src=\"/public/online/online.js\">");
        String script = new WebSession(port).get("/public/online/online.js").body();
        assertThat(script).contains("createTextNode").doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(");
    }

    @Test
    void membersAndInvitedParticipantsGetTheLinkAndTheirOpinionsAreMarkedWithTheirRole() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDate.now(FormValues.ZONE).plusDays(1).atTime(LocalTime.of(10, 0))
                .atZone(FormValues.ZONE).toInstant()));
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String memberMobile = OnlineFixture.mobile();
        contacts.saveContact("qingxi.member", null, memberMobile, null, null);
        WebSession host = WebSession.loggedIn(port, HOST, password);

        JsonNode pushed = json(host.postJson("/api/online/consultations/" + online.number() + "/invitations",
                "{\"allMembers\":true}"));
        assertThat(pushed.path("invited").asInt()).isEqualTo(2);
        assertThat(json(host.postJson("/api/online/consultations/" + online.number() + "/invitations",
                "{\"allMembers\":true}")).path("alreadyInvited").asInt()).isEqualTo(2);
        Notification invitation = notifications.inbox("qingxi.member").stream()
                .filter(n -> n.kind() == NotificationKind.ONLINE_INVITATION && online.id() == n.consultationId())
                .findFirst().orElseThrow();
        assertThat(invitation.subject()).isEqualTo("【网络协商】测试议题：乡镇");
        assertThat(invitation.body()).contains("正在云岭镇开展网络协商，诚邀您以政协委员身份发表意见",
                "/public/online.html?c=" + online.number());
        assertThat(invitation.link()).endsWith("/public/online.html?c=" + online.number());
        assertThat(notifications.inbox("yunling.member")).anyMatch(n -> n.kind() == NotificationKind.ONLINE_INVITATION
                && online.id() == n.consultationId());

        // the participant without an account gets the link by text message to the number the host enters
        JsonNode managed = json(host.get("/api/online/consultations/" + online.number()));
        long citizenParticipant = managed.path("withoutAccount").get(0).path("participantId").asLong();
        assertThat(managed.path("withoutAccount").get(0).path("name").asText()).isEqualTo("李群众");
        String citizenMobile = OnlineFixture.mobile();
        assertThat(message(host.postJson("/api/online/consultations/" + online.number() + "/invitations/by-mobile",
                "{\"participantId\":" + citizenParticipant + ",\"mobile\":\"123\"}"))).isEqualTo("请输入正确的11位手机号码");
        assertThat(host.postJson("/api/online/consultations/" + online.number() + "/invitations/by-mobile",
                "{\"participantId\":" + citizenParticipant + ",\"mobile\":\"" + citizenMobile + "\"}").statusCode())
                .isEqualTo(204);
        Notification sms = notifications.inbox(NotificationService.citizenRecipient(
                jdbc.sql("select id from citizen where mobile = ?").param(citizenMobile).query(Long.class).single()))
                .get(0);
        jdbc.sql("select job_id from notification_delivery where notification_id = ?").param(sms.id())
                .query(String.class).list().forEach(managementService::executeJob);
        assertThat(fixture.sms().delivered()).anySatisfy(m -> {
            assertThat(m.mobile()).isEqualTo(citizenMobile);
            assertThat(m.content()).contains("诚邀您以群众代表身份发表意见", "/public/online.html?c=" + online.number());
        });
        assertThat(json(host.get("/api/online/consultations/" + online.number())).path("invitations"))
                .extracting(i -> i.path("name").asText() + "/" + i.path("role").asText() + "/" + i.path("reachable").asBoolean())
                .contains(userName("qingxi.member") + "/政协委员/true", "李群众/群众代表/true");

        String opinions = "/api/public/online/consultations/" + online.number() + "/opinions";
        WebSession member = registered("王委员", memberMobile);
        WebSession representative = registered("李群众", citizenMobile);
        WebSession citizen = registered("陈晨");
        member.postJson(opinions, "{\"content\":\"委员意见：建议纳入镇年度计划\"}");
        representative.postJson(opinions, "{\"content\":\"群众代表意见：尽快开工\"}");
        citizen.postJson(opinions, "{\"content\":\"群众意见：注意施工安全\"}");
        // a member who registers with another number is one of the public
        registered("王委员").postJson(opinions, "{\"content\":\"换了个手机号\"}");

        JsonNode detail = json(citizen.get("/api/public/online/consultations/" + online.number()));
        assertThat(detail.path("opinions")).extracting(o -> o.path("author").asText() + "|" + o.path("role").asText()
                + "|" + o.path("invited").asBoolean() + "|" + o.path("content").asText())
                .containsExactlyInAnyOrder(
                        "王**|政协委员|true|委员意见：建议纳入镇年度计划",
                        "李**|群众代表|true|群众代表意见：尽快开工",
                        "陈*|群众|false|群众意见：注意施工安全",
                        "王**|群众|false|换了个手机号");
        assertThat(json(member.get("/api/public/online/consultations/" + online.number())).path("me").path("role")
                .asText()).isEqualTo("政协委员");
    }

    private String userName(String userId) {
        return organisation.nameOf(userId);
    }

    private WebSession registered(String name) {
        return fixture.registered(port, name, OnlineFixture.mobile());
    }

    private WebSession registered(String name, String mobile) {
        return fixture.registered(port, name, mobile);
    }

    private static JsonNode find(JsonNode list, String number) {
        return StreamSupport.stream(list.spliterator(), false).filter(c -> c.path("number").asText().equals(number))
                .findFirst().orElse(null);
    }
}

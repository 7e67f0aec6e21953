package cn.cppcc.consult.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.WebSession;

/** The staff pages of notifications and their APIs: inbox, receiving settings, templates. */
@ConsultTest
class NotificationWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired NotificationService notifications;
    @Autowired MessageTemplates templates;
    @Autowired StaffContacts contacts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;

    @AfterEach
    void cleanUp() {
        templates.reset(MessageTemplate.TOPIC_REJECTED);
        contacts.saveContact("taoyuan.member", null, null, null, null);
        jdbc.sql("delete from staff_contact where user_id = 'taoyuan.member'").update();
        jdbc.sql("delete from notification_preference where user_id = 'taoyuan.member'").update();
    }

    @Test
    void theInboxListsAUsersMessagesWithTheUnreadCountAndMarksThemRead() throws Exception {
        String user = "taoyuan.government";
        notifications.markAllRead(user);
        notifications.toUsers(List.of(user), Message.of(MessageTemplate.TOPIC_PLANNED, null)
                .with(Placeholder.TOPIC, "第一条").with(Placeholder.NUMBER, "YT-1"));
        notifications.toUsers(List.of(user, "xinhua.party"), Message.of(MessageTemplate.READY_FOR_FINAL_FEEDBACK, null)
                .with(Placeholder.TOPIC, "第二条").with(Placeholder.NUMBER, "YT-2").with(Placeholder.ITEM, "修缮村道"));
        WebSession session = WebSession.loggedIn(port, user, password);

        JsonNode page = json(session.get("/api/notifications"));
        assertThat(page.path("unread").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("subject").asText()).isEqualTo("【可作办结反馈】第二条");
        assertThat(page.path("items").get(0).path("kindLabel").asText()).isEqualTo("办理情况反馈");
        long second = page.path("items").get(0).path("id").asLong();

        // another user's message cannot be marked read by this user
        long others = notifications.inbox("xinhua.party").get(0).id();
        session.postJson("/api/notifications/" + others + "/read", "");
        assertThat(notifications.inbox("xinhua.party").get(0).readAt()).isNull();

        assertThat(json(session.postJson("/api/notifications/" + second + "/read", "")).path("unread").asLong()).isEqualTo(1);
        assertThat(json(session.get("/api/notifications/summary")).path("unread").asLong()).isEqualTo(1);
        assertThat(json(session.postJson("/api/notifications/read-all", "")).path("unread").asLong()).isZero();
        assertThat(notifications.unreadCount(user)).isZero();
        assertThat(new WebSession(port).get("/api/notifications").statusCode()).isEqualTo(401);
    }

    @Test
    void usersSetTheirAddressNumberQuietHoursAndChannelsAndBadValuesAreRefused() throws Exception {
        WebSession session = WebSession.loggedIn(port, "taoyuan.member", password);
        JsonNode settings = json(session.get("/api/notification-settings"));
        assertThat(settings.path("kinds")).extracting(k -> k.path("label").asText()).contains("待办任务", "督办", "会议通知");

        HttpResponse<String> bad = session.putJson("/api/notification-settings", """
                {"email":"not-an-address","mobile":"12345","quietFrom":"25:00","quietUntil":"","kinds":[{"kind":"NOPE"}]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("电子邮箱格式不正确", "手机号码应为11位数字", "免打扰开始时间应为“时:分”", "未知的消息类别：NOPE");
        assertThat(contacts.contact("taoyuan.member")).isEmpty();

        HttpResponse<String> saved = session.putJson("/api/notification-settings", """
                {"email":"member@taoyuan.gov.cn","mobile":"13700000001","quietFrom":"21:30","quietUntil":"08:00",
                 "kinds":[{"kind":"TASK","email":false,"sms":true}]}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(contacts.email("taoyuan.member")).contains("member@taoyuan.gov.cn");
        assertThat(contacts.mobile("taoyuan.member")).contains("13700000001");
        assertThat(contacts.quietHours("taoyuan.member").toString()).isEqualTo("21:30—08:00");
        StaffContacts.Reach reach = contacts.reach(List.of("taoyuan.member"), NotificationKind.TASK).get("taoyuan.member");
        assertThat(reach.byEmail()).isFalse();
        assertThat(reach.bySms()).isTrue();
    }

    @Test
    void administratorsRewordATemplateAndTheNextMessageUsesIt() throws Exception {
        WebSession member = WebSession.loggedIn(port, "taoyuan.member", password);
        HttpResponse<String> refused = member.get("/api/notification-templates");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("只有系统管理员可以修改消息模板");

        WebSession admin = WebSession.loggedIn(port, "admin", password);
        JsonNode all = json(admin.get("/api/notification-templates"));
        assertThat(all).extracting(t -> t.path("key").asText()).contains("TASK_OFFERED", "SATISFACTION_SURVEY");
        assertThat(json(admin.get("/api/notifications/summary")).path("admin").asBoolean()).isTrue();

        HttpResponse<String> unknown = admin.putJson("/api/notification-templates/TOPIC_REJECTED", """
                {"subject":"未通过：{议题}","body":"{议题}未通过，{天气}","shortText":""}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("正文中的{天气}不是本模板可用的占位符（可用：{议题}、{编号}、{理由}）", "短信内容不能为空");

        JsonNode preview = json(admin.postJson("/api/notification-templates/TOPIC_REJECTED/preview", """
                {"subject":"未通过：{议题}","body":"{议题}（{编号}）未获通过。理由：{理由}","shortText":"{议题}未获通过"}"""));
        assertThat(preview.path("body").asText()).isEqualTo("水口村至镇区道路破损修缮（XS2026-00001）未获通过。理由：该事项已纳入信访程序办理");

        HttpResponse<String> saved = admin.putJson("/api/notification-templates/TOPIC_REJECTED", """
                {"subject":"未通过：{议题}","body":"{议题}（{编号}）未获通过。理由：{理由}","shortText":"{议题}未获通过"}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).path("customised").asBoolean()).isTrue();
        assertThat(json(saved).path("updatedBy").asText()).isEqualTo("admin");

        notifications.toUsers(List.of("taoyuan.member"), Message.of(MessageTemplate.TOPIC_REJECTED, null)
                .with(Placeholder.TOPIC, "桥梁限行").with(Placeholder.NUMBER, "XS-1").with(Placeholder.REASON, "已有规定"));
        Notification sent = notifications.inbox("taoyuan.member").get(0);
        assertThat(sent.subject()).isEqualTo("未通过：桥梁限行");
        assertThat(sent.body()).isEqualTo("桥梁限行（XS-1）未获通过。理由：已有规定");
        assertThat(sent.shortText()).isEqualTo("桥梁限行未获通过");
        assertThat(sent.templateKey()).isEqualTo("TOPIC_REJECTED");

        JsonNode reset = json(admin.delete("/api/notification-templates/TOPIC_REJECTED"));
        assertThat(reset.path("customised").asBoolean()).isFalse();
        assertThat(reset.path("subject").asText()).isEqualTo("议题未通过审定：{议题}");
    }

    @Test
    void thePageListsEveryTemplateAndEachRendersWithSamplesUsingEveryPlaceholderItDeclares() throws Exception {
        WebSession admin = WebSession.loggedIn(port, "admin", password);
        JsonNode all = json(admin.get("/api/notification-templates"));
        assertThat(all).extracting(t -> t.path("key").asText())
                .containsExactly(Arrays.stream(MessageTemplate.values()).map(Enum::name).toArray(String[]::new));
        assertThat(all).extracting(t -> t.path("label").asText()).doesNotHaveDuplicates().allSatisfy(label ->
                assertThat(label).isNotBlank());

        for (MessageTemplate template : MessageTemplate.values()) {
            MessageTemplate.Text text = template.defaultText();
            String defaults = String.join("\n", text.subject(), text.body(), text.shortText());
            assertThat(template.placeholders()).as("%s declares a placeholder its default text does not use", template)
                    .allSatisfy(p -> assertThat(defaults).contains(p.token()));

            HttpResponse<String> preview = admin.postJson("/api/notification-templates/" + template.name() + "/preview",
                    JSON.writeValueAsString(text));
            assertThat(preview.statusCode()).as("%s: %s", template, preview.body()).isEqualTo(200);
            JsonNode rendered = JSON.readTree(preview.body());
            for (String part : List.of("subject", "body", "shortText")) {
                assertThat(rendered.path(part).asText()).as("%s %s", template, part).isNotBlank()
                        .doesNotContainPattern("\\{[^{}]*}");
            }
            // a text message: at most two segments with the gateway's signature
            assertThat(rendered.path("shortText").asText()).as("%s text message", template).hasSizeLessThanOrEqualTo(120);
        }
    }

    @Test
    void aMessageMissingAValueOfItsTemplateIsAProgrammingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.render(
                Message.of(MessageTemplate.TOPIC_REJECTED, null).with(Placeholder.TOPIC, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("消息模板“议题不予采纳（告知发起人）”缺少{编号}、{理由}");
    }

    @Test
    void thePagesAreServedAndThePortalShowsTheUnreadBadge() {
        WebSession session = new WebSession(port);
        assertThat(session.get("/app/inbox.html").body()).contains("消息中心", "全部标为已读", "/app/notifications.js");
        assertThat(session.get("/app/notification-settings.html").body()).contains("消息接收设置", "短信免打扰");
        // each page's script is a file of its own (the content security policy allows no inline script)
        assertThat(session.get("/app/notification-templates.html").body()).contains("消息模板",
                "/app/notification-templates.js");
        assertThat(session.get("/app/notification-templates.js").body()).contains("恢复默认");
        assertThat(session.get("/app/notification-failures.html").body()).contains("投递失败的消息", "重新投递");
        assertThat(session.get("/app/index.html").body()).contains("unread-badge", "/app/index.js");
        assertThat(session.get("/app/index.js").body()).contains("/api/notifications/summary");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

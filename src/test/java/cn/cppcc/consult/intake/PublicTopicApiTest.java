package cn.cppcc.consult.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.intake.IntakeService.Decision;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicRepository;

/**
 * The citizens' topic page's API over real HTTP, as a phone's browser calls it: valid and invalid
 * submissions (a Chinese message per field and nothing stored), size and rate limits, HTML and script
 * kept as inert text, and a status lookup that tells nothing without the matching mobile number.
 */
@ConsultTest
class PublicTopicApiTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TopicRepository topics;
    @Autowired CitizenRepository citizens;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IntakeService intake;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOrganisationTreeOffersTownshipsAndTheirVillages() throws Exception {
        HttpResponse<String> places = get("/api/public/places");
        assertThat(places.statusCode()).isEqualTo(200);
        JsonNode yunling = find(json.readTree(places.body()), "yunling");
        assertThat(yunling.path("name").asText()).isEqualTo("云岭镇");
        assertThat(yunling.path("countyName").asText()).isEqualTo("清溪县");
        assertThat(yunling.path("villages").findValuesAsText("code")).containsExactlyInAnyOrder("shuikou", "lijiawan");
    }

    @Test
    void aValidTopicIsStoredWithAReceiptAndEntersIntake() throws Exception {
        HttpResponse<String> answer = post(client(), "/api/public/topics", valid("水口村桥梁护栏缺损"));

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        String receipt = body.path("receiptNumber").asText();
        assertThat(receipt).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(body.path("status").asText()).isEqualTo("已提交，待初审");
        assertThat(body.path("message").asText()).contains(receipt);
        Topic topic = topicWithReceipt(receipt);
        assertThat(topic.title()).isEqualTo("水口村桥梁护栏缺损");
        assertThat(topic.placeCode()).isEqualTo("shuikou");
        assertThat(citizens.find(citizens.raisersOfTopic(topic.id()).get(0)).orElseThrow().mobile())
                .isEqualTo("13800138000");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(topic.number())
                .activityIdIn(TopicIntakeProcess.TASK_SCREEN).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "name|       |请填写真实姓名",
            "name|张     |真实姓名应为2至30个字",
            "mobile|     |请填写手机号码",
            "mobile|1380013800|请填写正确的11位手机号码",
            "mobile|23800138000|请填写正确的11位手机号码",
            "township|   |请选择所在乡镇（街道）",
            "township|nowhere|所选乡镇（街道）不存在",
            "township|shuikou|所选乡镇（街道）不存在",
            "village|taolin|所选村（社区）不属于该乡镇（街道）",
            "title|      |请填写议题标题",
            "title|路灯    |议题标题应为5至60个字",
            "description||请填写议题内容",
            "description|太短了|议题内容应为10至2000个字",
            "affectedCount||请填写涉及群众人数",
            "affectedCount|0|涉及群众人数应为1至10000000之间的整数",
            "affectedCount|很多人|涉及群众人数应为1至10000000之间的整数"})
    void eachInvalidFieldIsRefusedWithItsChineseMessageAndNothingIsStored(String field, String value, String message)
            throws Exception {
        Map<String, Object> form = valid("无效字段测试议题");
        form.put(field, value == null ? "" : value);
        long[] before = counts();

        HttpResponse<String> answer = post(client(), "/api/public/topics", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("field").asText()).isEqualTo(field);
        assertThat(body.path("message").asText()).isEqualTo(message);
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void overlongTextAndControlCharactersAreRefused() throws Exception {
        Map<String, Object> form = valid("超长内容测试议题");
        form.put("description", "长".repeat(2001));
        assertThat(json.readTree(post(client(), "/api/public/topics", form).body()).path("message").asText())
                .isEqualTo("议题内容应为10至2000个字");
        form = valid("控制字符\u0000测试");
        assertThat(json.readTree(post(client(), "/api/public/topics", form).body()).path("message").asText())
                .isEqualTo("议题标题含有无效字符");
    }

    @Test
    void anOversizedOrMalformedBodyIsRefusedAndNothingIsStored() throws Exception {
        long[] before = counts();
        Map<String, Object> form = valid("超大请求测试议题");
        form.put("padding", "x".repeat(PublicTopicController.MAX_BODY_BYTES));

        HttpResponse<String> tooLarge = post(client(), "/api/public/topics", form);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(tooLarge.body()).path("message").asText()).isEqualTo("提交的内容过长，请精简后再提交");

        HttpResponse<String> malformed = send(client(), "/api/public/topics", "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("message").asText()).isEqualTo("提交的内容格式无效");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void aBurstBeyondTheRateLimitIsRefusedUntilTheClientWaits() throws Exception {
        String client = client();
        for (int i = 0; i < 5; i++) {
            assertThat(post(client, "/api/public/topics", Map.of()).statusCode()).isEqualTo(400);
        }
        long[] before = counts();

        HttpResponse<String> refused = post(client, "/api/public/topics", valid("频繁提交的议题"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json.readTree(refused.body()).path("message").asText()).matches("操作过于频繁，请\\d+分钟后再试");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(counts()).containsExactly(before);
        // another client is not held up by this one
        assertThat(post(client(), "/api/public/topics", valid("另一位群众的议题")).statusCode()).isEqualTo(201);
    }

    @Test
    void htmlAndScriptInEveryTextFieldAreStoredAsTextAndShownToStaffAsText() throws Exception {
        Map<String, Object> form = valid("路灯" + SCRIPT);
        form.put("name", "<b>李四</b>");
        form.put("description", "详细情况：" + SCRIPT + "\n<a href=\"javascript:alert(3)\">链接</a>");
        HttpResponse<String> answer = post(client(), "/api/public/topics", form);
        assertThat(answer.statusCode()).isEqualTo(201);

        Topic topic = topicWithReceipt(json.readTree(answer.body()).path("receiptNumber").asText());
        assertThat(topic.title()).isEqualTo("路灯" + SCRIPT);
        assertThat(topic.description()).isEqualTo(form.get("description"));
        assertThat(citizens.find(citizens.raisersOfTopic(topic.id()).get(0)).orElseThrow().name()).isEqualTo("<b>李四</b>");

        // staff see it in Tasklist as values of read-only text fields, never as markup
        Task screen = taskService.createTaskQuery().processInstanceBusinessKey(topic.number()).singleResult();
        assertThat(taskService.getVariableLocal(screen.getId(), "topicTitle")).isEqualTo(topic.title());
        assertThat(taskService.getVariableLocal(screen.getId(), "topicDescription")).isEqualTo(topic.description());
        for (String formFile : List.of("ScreenTopic", "DecideIntake")) {
            JsonNode components = json.readTree(Path.of("forms", formFile + ".form").toFile());
            assertThat(components.findParents("key")).filteredOn(c -> c.path("key").asText().startsWith("topic"))
                    .isNotEmpty()
                    .allSatisfy(c -> {
                        assertThat(c.path("readonly").asBoolean()).isTrue();
                        assertThat(c.path("type").asText()).isIn("textfield", "textarea");
                    });
            assertThat(components.findValuesAsText("text")).noneMatch(text -> text.contains("{{"));
        }
        // and the pages build their DOM from text nodes only
        try (Stream<Path> pages = Stream.concat(Files.walk(Path.of("src/main/resources/static/public")).filter(Files::isRegularFile),
                Stream.of(Path.of("src/main/resources/static/app/common.js")))) {
            assertThat(pages.map(PublicTopicApiTest::read))
                    .noneMatch(source -> source.contains("innerHTML") || source.contains("insertAdjacentHTML")
                            || source.contains("document.write"));
        }
    }

    @Test
    void theStatusIsShownOnlyForTheMatchingMobileNumberWithTheReasonIfNotAccepted() throws Exception {
        HttpResponse<String> submitted = post(client(), "/api/public/topics", valid("村口垃圾堆放点脏乱"));
        String receipt = json.readTree(submitted.body()).path("receiptNumber").asText();
        String lookup = client();

        JsonNode found = json.readTree(post(lookup, "/api/public/topics/status",
                Map.of("receiptNumber", receipt.toLowerCase().replace("-", " "), "mobile", "13800138000")).body());
        assertThat(found.path("status").asText()).isEqualTo("已提交，待初审");
        assertThat(found.path("title").asText()).isEqualTo("村口垃圾堆放点脏乱");
        assertThat(iterable(found.fieldNames())).containsExactly("receiptNumber", "title", "submittedOn", "status");

        HttpResponse<String> wrongMobile = post(lookup, "/api/public/topics/status",
                Map.of("receiptNumber", receipt, "mobile", "13900139000"));
        HttpResponse<String> unknownReceipt = post(lookup, "/api/public/topics/status",
                Map.of("receiptNumber", "ZZZZ-ZZZZ", "mobile", "13800138000"));
        assertThat(wrongMobile.statusCode()).isEqualTo(404);
        assertThat(unknownReceipt.statusCode()).isEqualTo(404);
        assertThat(wrongMobile.body()).isEqualTo(unknownReceipt.body()).doesNotContain("村口垃圾", receipt);
        assertThat(json.readTree(wrongMobile.body()).path("message").asText()).isEqualTo(PublicTopicController.NOT_FOUND);

        Topic topic = topicWithReceipt(receipt);
        intake.screen(topic.id(), new IntakeService.Findings("shuikou", cn.cppcc.consult.organisation.PlaceLevel.VILLAGE,
                false, false, true, false, null), "yunling.liaison");
        intake.recordScreeningRule(topic.id(), ScreeningOutcome.REJECT, "该事项仅涉及个人诉求，不具有代表性，不纳入协商");
        intake.recordLevelRule(topic.id(), LevelOutcome.GRASSROOTS);
        intake.decide(topic.id(), new Decision(IntakeDecision.REJECT, ConsultationKind.GRASSROOTS, null), "yunling.liaison");

        JsonNode rejected = json.readTree(post(lookup, "/api/public/topics/status",
                Map.of("receiptNumber", receipt, "mobile", "13800138000")).body());
        assertThat(rejected.path("status").asText()).isEqualTo("不予采纳");
        assertThat(rejected.path("reason").asText()).isEqualTo("该事项仅涉及个人诉求，不具有代表性，不纳入协商");
    }

    @Test
    void lookupsAreRateLimitedToo() throws Exception {
        String client = client();
        int refused = 0;
        for (int i = 0; i < 21; i++) {
            int status = post(client, "/api/public/topics/status", Map.of("receiptNumber", "AAAA-AAAA", "mobile",
                    "138" + String.format("%08d", i))).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(1);
    }

    // ---- helpers

    private static Map<String, Object> valid(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "王小明");
        form.put("mobile", "13800138000");
        form.put("township", "yunling");
        form.put("village", "shuikou");
        form.put("title", title);
        form.put("description", "该问题已存在较长时间，影响周边群众出行和生活。");
        form.put("affectedCount", "200");
        return form;
    }

    /** A client address of its own (via X-Forwarded-For from the trusted local proxy), so tests do not share buckets. */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "10.3." + (n / 250) + "." + (n % 250 + 1);
    }

    private HttpResponse<String> post(String client, String path, Map<String, Object> body) throws Exception {
        return send(client, path, json.writeValueAsString(body));
    }

    private HttpResponse<String> send(String client, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long[] counts() {
        return new long[] {
                jdbc.sql("select count(*) from topic").query(Long.class).single(),
                jdbc.sql("select count(*) from citizen").query(Long.class).single()};
    }

    private Topic topicWithReceipt(String receipt) {
        long id = jdbc.sql("select id from topic where receipt_number = ?").param(receipt).query(Long.class).single();
        return topics.find(id).orElseThrow();
    }

    private static JsonNode find(JsonNode array, String code) {
        for (JsonNode node : array) {
            if (node.path("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("没有 " + code);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

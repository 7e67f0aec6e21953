package cn.cppcc.consult.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.intake.OnlineSubmission;
import cn.cppcc.consult.intake.TopicIntakeProcess;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.participation.OnlineFixture.Online;
import cn.cppcc.consult.support.Browser;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.support.WebSession;

/**
 * Every payload of {@code xss/payloads.txt} (forms of the OWASP XSS filter evasion cheat sheet),
 * posted as online opinions, submitted as a citizen's topic and written as minutes, is shown as the
 * text it is: on the public online page, on the host's page, and in the Camunda Forms of Tasklist
 * (screening a topic, reviewing minutes). In headless Chromium: no alert dialog, no flag set by a
 * payload ({@code window.xssHit}), no element or handler injected into the page, and each payload
 * readable as text. Many payloads per page load; screenshots in {@code target/screenshots/}.
 */
@ConsultTest
class XssBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static List<String> payloads;

    /** Elements no payload may bring into the page, and attributes that would run code. */
    private static final String INJECTED = """
            const root = arguments[0] ? document.querySelector(arguments[0]) : document;
            const tags = 'script,img,svg,iframe,object,embed,video,audio,style,link,meta,base,math,frame,frameset,'
                + 'marquee,template,noscript,isindex,keygen,xss,x,source,animate,bgsound,xml';
            const found = arguments[0] ? [...root.querySelectorAll(tags)].map(e => e.tagName) : [];
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                const v = (a.value || '').toLowerCase();
                if ((a.name.startsWith('on') && (v.includes('xsshit') || v.includes('alert')))
                    || (['src', 'href', 'action', 'formaction', 'data', 'background', 'dynsrc', 'lowsrc', 'srcdoc', 'style']
                        .includes(a.name) && (v.includes('javascript:') || v.includes('xsshit') || v.includes('xss.rocks')))) {
                  found.push(e.tagName + '[' + a.name + '=' + a.value + ']');
                }
              }
            }
            return found;""";

    @Autowired OnlineFixture fixture;
    @Autowired Scenarios scenarios;
    @Autowired IntakeService intake;
    @Autowired MinutesService minutes;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = XssBrowserTest.class.getResourceAsStream("/xss/payloads.txt")) {
            payloads = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("# ")).toList();
        }
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
    }

    @BeforeEach
    void open() {
        fixture.open();
        ChromeOptions options = new ChromeOptions();
        // an alert stays open so the test sees it, instead of being dismissed silently
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        browser = Browser.chromium(options, "--window-size=1280,1000");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        fixture.close();
    }

    @Test
    void onlineOpinionsAreShownAsTextOnThePublicPageAndTheHostsPage() throws IOException {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        List<String> chunks = chunks(payloads, 1000);
        WebSession person = null;
        for (int i = 0; i < chunks.size(); i++) {
            if (i % 5 == 0) {
                person = fixture.registered(port, "测试" + "甲乙丙丁戊己庚辛".charAt(i / 5), OnlineFixture.mobile());
            }
            HttpResponse<String> posted = person.postJson("/api/public/online/consultations/" + online.number() + "/opinions",
                    JSON.writeValueAsString(Map.of("content", chunks.get(i))));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }

        browser.get(base() + "/public/online.html?c=" + online.number());
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#opinions .opinion .content")).size()
                == chunks.size());
        assertInert("#opinions", payloads, "xss-online-public");

        logIn(Places.TOWNSHIP.user(Role.HOST));
        browser.get(base() + "/app/online.html#" + online.number());
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#opinions article")).size()
                == chunks.size());
        assertInert("#opinions", payloads, "xss-online-host");
    }

    @Test
    void topicTextAndMinutesAreShownAsTextInTasklistForms() throws IOException {
        // a citizen's topics (网络征题), up to 2000 characters of payloads each, to screen in Tasklist
        List<String> taskIds = new ArrayList<>();
        String screener = null;
        List<String> topics = chunks(payloads, OnlineSubmission.DESCRIPTION_MAX);
        for (String description : topics) {
            IntakeService.Receipt receipt = intake.submitOnline(new OnlineSubmission("王测试", OnlineFixture.mobile(),
                    "yunling", "shuikou", "村口路灯损坏问题", description, 10));
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(receipt.topicNumber())
                    .taskDefinitionKey(TopicIntakeProcess.TASK_SCREEN).singleResult();
            taskIds.add(task.getId());
            screener = taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId().replace('-', '.');
        }
        logIn(screener);
        for (int i = 0; i < taskIds.size(); i++) {
            openTask(taskIds.get(i), topics.get(i));
            assertInert(null, topics.get(i).lines().toList(), "xss-tasklist-topic-" + (i + 1));
        }

        // minutes of consultations, to review in Tasklist: up to 8000 characters each (what the
        // minutes form accepts), so one is longer than the engine's 4000-character text column and
        // shown whole from the byte array (process/LongTextPlugin)
        taskIds.clear();
        List<String> texts = chunks(payloads, 8000);
        assertThat(texts).anySatisfy(text -> assertThat(text.length()).isGreaterThan(4000));
        for (String content : texts) {
            Scenario s = scenarios.at(Places.VILLAGE).approved().planned(ConsultationForm.MEETING, false)
                    .withParticipants().researched(true).consulted();
            minutes.draft(s.id(), content, List.of(new MinutesService.ItemDraft("完善村口路灯",
                    java.util.EnumSet.of(cn.cppcc.consult.transfer.Mechanism.FEEDBACK), null, null)),
                    Places.VILLAGE.organiser());
            s.startBefore(ConsultationProcess.TASK_REVIEW_MINUTES);
            taskIds.add(taskService.createTaskQuery().processInstanceBusinessKey(s.number())
                    .taskDefinitionKey(ConsultationProcess.TASK_REVIEW_MINUTES).singleResult().getId());
        }
        logIn(Places.VILLAGE.user(Role.HOST));
        for (int i = 0; i < taskIds.size(); i++) {
            boolean longText = texts.get(i).length() > 4000;
            if (longText) {
                taskService.claim(taskIds.get(i), Places.VILLAGE.user(Role.HOST));
            }
            openTask(taskIds.get(i), texts.get(i));
            assertInert(null, texts.get(i).lines().toList(), "xss-tasklist-minutes-" + (i + 1));
            if (longText) {
                // approved in Tasklist, which submits the read-only long text back with the form
                String taskId = taskIds.get(i);
                // the form's only radio group, 审核结果: its first choice is 通过
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "return document.querySelector('input[type=radio]') != null")));
                browser.executeScript("document.querySelector('input[type=radio]').click()");
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "const b = document.querySelector('button[ng-click=\"complete()\"]');"
                                + " return b != null && !b.disabled;")));
                browser.executeScript("document.querySelector('button[ng-click=\"complete()\"]').click()");
                wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            }
        }
    }

    /** Opens the task in Tasklist and waits until its Camunda Form shows the text in a field. */
    private void openTask(String taskId, String text) {
        browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return [...document.querySelectorAll('textarea')].some(t => t.value === arguments[0]);", text)));
    }

    /**
     * No alert, no flag, nothing injected; and every payload readable: in the container's text (our
     * pages) or in the form fields' values (Tasklist).
     */
    private void assertInert(String container, List<String> expected, String screenshot) throws IOException {
        assertNoAlert();
        assertThat(browser.executeScript("return window.xssHit === undefined"))
                .isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> injected = (List<String>) browser.executeScript(INJECTED, container);
        assertThat(injected).as("injected elements or handlers").isEmpty();
        String shown = container != null
                ? (String) browser.executeScript("return document.querySelector(arguments[0]).innerText", container)
                : (String) browser.executeScript("return [...document.querySelectorAll('textarea, input')]"
                        + ".map(e => e.value).join('\\n')");
        String normalised = shown.replaceAll("\\s+", " ");
        List<String> missing = expected.stream().filter(p -> !normalised.contains(p.replaceAll("\\s+", " ").strip()))
                .toList();
        assertThat(missing).as("payloads not shown as text").isEmpty();
        if (container != null) {
            browser.executeScript("document.querySelector(arguments[0]).scrollIntoView()", container);
        } else {
            browser.executeScript("[...document.querySelectorAll('textarea')].sort((a, b) => b.value.length - a.value.length)[0]"
                    + ".scrollIntoView({block: 'start'})");
        }
        screenshot(screenshot);
        assertNoAlert();
        assertThat(browser.executeScript("return window.xssHit === undefined")).isEqualTo(true);
    }

    private void assertNoAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("alert shown: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /** The payloads joined by line breaks into texts of at most {@code max} characters. */
    static List<String> chunks(List<String> all, int max) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String payload : all) {
            if (current.length() > 0 && current.length() + 1 + payload.length() > max) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n" : "").append(payload);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** Logs in as Tasklist does (session and CSRF cookie), and hands the session to the browser. */
    private void logIn(String user) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        try {
            client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String xsrf = cookie(cookies, "XSRF-TOKEN").getValue();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        browser.get(base() + "/public/online/online.css");
        browser.manage().deleteAllCookies();
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            browser.manage().addCookie(new Cookie(c.getName(), c.getValue(), c.getPath() == null ? "/" : c.getPath()));
        }
    }

    private static HttpCookie cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

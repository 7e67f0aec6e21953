package cn.cppcc.consult.security;

import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.support.Browser;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;

/**
 * Tasklist and Cockpit in a real browser (the Debian chromium, headless) with authorization checks,
 * tenants and the query result limit on: a township's party committee finds its task in its
 * filter, Cockpit lists the processes, and none of the webapps' own calls to the engine is refused.
 */
@ConsultTest
class WebappsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Value("${consult.demo.password}") String password;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        ChromeOptions options = new ChromeOptions();
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        browser = Browser.chromium(options, "--window-size=1400,1000");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tasklistAndCockpitWorkAndNoCallIsRefused() throws Exception {
        EngineRest rest = new EngineRest(http, port);
        String own = (String) rest.post("yunling.liaison", password, "/process-definition/key/Consultation/submit-form",
                formSubmission(Forms.startConsultation("浏览器检查云岭镇议题"))).getBody().get("businessKey");
        rest.post("taoyuan.liaison", password, "/process-definition/key/Consultation/submit-form",
                formSubmission(Forms.startConsultation("浏览器检查桃源镇议题")));
        loginAs("yunling.party");

        List<String> calls = new ArrayList<>();
        try {
            Browser.openApp(browser, base() + "/camunda/app/tasklist/default/#/", By.partialLinkText("本组待办"));
            wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("本组待办"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "党组织审定议题"));
            browser.get(base() + "/camunda/app/cockpit/default/#/dashboard");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "流程"));
            browser.get(base() + "/camunda/app/cockpit/default/#/processes");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "协商"));
            Thread.sleep(3000);
        } finally {
            calls.addAll(apiCalls());
            screenshot("webapps");
        }
        assertThat(calls).as("the webapps' calls to the engine, from the browser's network log").hasSizeGreaterThan(10);
        assertThat(calls).as("webapp calls answered with an error").allMatch(call -> call.startsWith("2"));
        assertThat(own).startsWith("XS");
    }

    private void screenshot(String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".png"),
                browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private void loginAs(String user) {
        cn.cppcc.consult.support.WebSession session = cn.cppcc.consult.support.WebSession.loggedIn(port, user, password);
        browser.get(base() + "/camunda/app/welcome/");
        for (HttpCookie cookie : session.cookies()) {
            browser.manage().addCookie(new Cookie(cookie.getName(), cookie.getValue(),
                    cookie.getPath() == null ? "/" : cookie.getPath()));
        }
    }

    /** Every call to the webapps' APIs with its status ("200 http://…"), from the browser's network log. */
    private List<String> apiCalls() throws Exception {
        List<String> calls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (!"Network.responseReceived".equals(message.path("method").asText())) {
                continue;
            }
            JsonNode response = message.path("params").path("response");
            String url = response.path("url").asText();
            int status = response.path("status").asInt();
            if (url.contains("/camunda/api/")) {
                calls.add(status + " " + url);
            }
        }
        return calls;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

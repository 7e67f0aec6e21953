package cn.cppcc.consult.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.participation.OnlineFixture.Online;
import cn.cppcc.consult.support.Browser;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Places;

/**
 * The public page in a real browser on a phone-sized screen: the Debian chromium and chromedriver
 * installed on the machine (never a downloaded browser), headless, emulating a 390×844 phone. A
 * villager picks their village from the tree, opens the consultation, registers with name, number
 * and the code the text message brought, posts an opinion and sees it, as text. Screenshots go to
 * {@code target/screenshots/}.
 */
@ConsultTest
class OnlinePageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired OnlineFixture fixture;
    @Autowired OnlineConsultations online;
    @LocalServerPort int port;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        fixture.open();
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Phone) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/126.0 Mobile Safari/537.36"));
        browser = Browser.chromium(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        fixture.close();
    }

    @Test
    void onAPhoneAVillagerRegistersPostsAnOpinionAndSeesIt() throws IOException {
        Online consultation = fixture.openConsultation(Places.VILLAGE);
        online.publishMaterial(consultation.id(), "村口现有路灯2盏，夜间照明不足。\n本次征求意见：新增路灯的位置与数量。",
                Places.VILLAGE.user(Role.HOST));
        String mobile = OnlineFixture.mobile();

        browser.get("http://localhost:" + port + "/public/online.html");
        Select township = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("township"))));
        wait.until(d -> township.getOptions().size() > 1);
        township.selectByValue("yunling");
        new Select(browser.findElement(By.id("village"))).selectByValue(Places.VILLAGE.code());
        WebElement card = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.card[href*='c=" + consultation.number() + "']")));
        assertThat(card.getText()).contains("测试议题：村级", "水口村", "征求意见中");
        screenshot("online-1-list");
        card.click();

        wait.until(ExpectedConditions.textToBe(By.id("title"), "测试议题：村级"));
        assertThat(browser.findElement(By.id("material")).getText()).contains("村口现有路灯2盏");
        assertThat(browser.findElement(By.id("closing")).getText()).isEqualTo(
                OnlineWindow.time(fixture.closingAt(consultation)));
        screenshot("online-2-detail");

        browser.findElement(By.id("reg-name")).sendKeys("张建华");
        browser.findElement(By.id("reg-mobile")).sendKeys(mobile);
        browser.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reg-msg"), "验证码已发送"));
        browser.findElement(By.id("reg-code")).sendKeys(fixture.codeSentTo(mobile));
        browser.findElement(By.id("reg-consent")).click();
        screenshot("online-3-register");
        browser.findElement(By.id("register-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("me-name"), "张**"));

        String opinion = "建议在村口和桥头各增设1盏路灯<script>window.injected=1</script>"
                + "<img src=x onerror=\"window.injected=2\">";
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-content")));
        area.sendKeys(opinion);
        browser.findElement(By.id("post-submit")).click();
        WebElement posted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#opinions .opinion.mine .content")));
        assertThat(posted.getText()).isEqualTo(opinion);
        WebElement first = browser.findElement(By.cssSelector("#opinions .opinion"));
        assertThat(first.getText()).contains("张**", "群众", "我的意见");
        assertThat(browser.findElements(By.cssSelector("#opinions img, #opinions script"))).isEmpty();
        assertThat(browser.executeScript("return window.injected === undefined")).isEqualTo(true);
        // made for the phone: nothing wider than the screen
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
        screenshot("online-4-posted");

        // the page remembers the person on reload; the opinion is there for everyone
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("me-name"), "张**"));
        List<WebElement> contents = browser.findElements(By.cssSelector("#opinions .opinion .content"));
        assertThat(contents).extracting(WebElement::getText).containsExactly(opinion);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

package cn.cppcc.consult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.support.Browser;
import cn.cppcc.consult.support.ConsultTest;

/**
 * A citizen on a phone, in a real browser: submits a topic on the public page, gets a receipt
 * number, and looks up its status with that number and their mobile. Screenshots in
 * {@code target/screenshots/e2e/}; no English on either page.
 */
@ConsultTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenBrowserTest {

    @LocalServerPort int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.phone(port);
        // a client address of its own, so that the citizens' rate limit of other tests is not this one's
        browser.comeFrom("198.51.100." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCitizenSubmitsATopicAndLooksUpItsStatus() {
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String title = "水口村路灯不亮" + ThreadLocalRandom.current().nextInt(1000, 10000);

        browser.open("/public/topic.html");
        Select township = new Select(browser.visible(By.id("township")));
        browser.await(d -> township.getOptions().size() > 1);
        browser.visible(By.id("name")).sendKeys("王秀英");
        browser.visible(By.id("mobile")).sendKeys(mobile);
        township.selectByValue(DemoData.TOWNSHIP_A);
        new Select(browser.visible(By.id("village"))).selectByValue(DemoData.VILLAGE_A);
        browser.visible(By.id("title")).sendKeys(title);
        browser.visible(By.id("description")).sendKeys("村口到学校的路段有5盏路灯不亮，学生晚自习回家很不安全。");
        browser.visible(By.id("affectedCount")).sendKeys("300");
        browser.step("citizen-1-topic-form");
        browser.click(By.id("submit"));

        String receipt = browser.visible(By.cssSelector("#result .receipt")).getText();
        assertThat(receipt).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
        browser.awaitText("提交成功", "当前状态：");
        String status = browser.text().replaceAll("(?s).*当前状态：(\\S+).*", "$1");
        browser.step("citizen-2-receipt");

        browser.open("/public/status.html");
        browser.visible(By.id("receiptNumber")).sendKeys(receipt);
        browser.visible(By.id("mobile")).sendKeys(mobile);
        browser.click(By.id("submit"));
        browser.visible(By.cssSelector("#result dl"));
        browser.awaitText("办理情况", receipt, title, status);
        browser.step("citizen-3-status");

        // another number does not see it
        browser.open("/public/status.html");
        browser.visible(By.id("receiptNumber")).sendKeys(receipt);
        browser.visible(By.id("mobile")).sendKeys(mobile.substring(0, 10) + (mobile.charAt(10) == '0' ? '1' : '0'));
        browser.click(By.id("submit"));
        browser.await(d -> !browser.text().contains(title) && browser.driver()
                .findElements(By.cssSelector("p.error")).stream().anyMatch(e -> !e.getText().isBlank()));
        browser.step("citizen-4-wrong-mobile");

        assertThat(browser.englishLeft()).as("页面上留有英文：\n%s", Browser.describe(browser.englishLeft())).isEmpty();
    }
}

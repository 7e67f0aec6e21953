package cn.cppcc.consult.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver} (given by path, so Selenium Manager never looks for or downloads
 * anything), a desktop or a phone-sized page in Chinese. Logs staff in to the Camunda webapps, keeps a
 * screenshot of each step in {@code target/screenshots/e2e/} and collects the visible text of every
 * page and state it is asked to check, for {@link #englishLeft()}.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "e2e");

    /**
     * What may stay in Latin letters on a Chinese page: the product's name, the form library's
     * domain, and identifiers people type or quote: account and group ids ({@code yunling.liaison},
     * {@code yunling-host}), codes in capitals (receipt numbers), anything with a digit in it
     * (consultation numbers, versions, dates), e-mail addresses.
     */
    private static final Set<String> ALLOWED_WORDS = Set.of("Camunda", "bpmn.io",
            // the demo's place codes: Tasklist shows a task's Camunda tenant, whose id is its place's code
            "qingxi", "yunling", "taoyuan", "shuikou", "lijiawan", "taolin", "xinhua");
    private static final String PRODUCT = "Camunda Platform";
    private static final Pattern ACCOUNT = Pattern.compile("(admin|[a-z]+[.-][a-z]+)");
    /** Receipt numbers and other codes: capitals and digits in groups, e.g. K7M3-9QXD. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,}(-[A-Z0-9]{2,})+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

    private final String base;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Map<String, Set<String>> english = new java.util.LinkedHashMap<>();
    private String user;

    /** A desktop browser, 1280×800, as staff use. */
    public static Browser desktop(int port) {
        return new Browser(port, 1280, 800, false);
    }

    /** A phone, 390×844 at twice the pixels, as citizens use. */
    public static Browser phone(int port) {
        return new Browser(port, 390, 844, true);
    }

    private Browser(int port, int width, int height, boolean mobile) {
        this.base = "http://localhost:" + port;
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = chromium(options, "--window-size=1280,800");
        // the page itself this size, whatever the headless window's frame takes
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
        // a browser set to Chinese in China: dates as 年/月/日, times in Beijing time
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /**
     * Debian's chromium, headless and in Chinese, through its chromedriver given by path (so Selenium
     * Manager never looks for or downloads anything), with a test's own options and arguments.
     */
    public static ChromeDriver chromium(ChromeOptions options, String... arguments) {
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--no-first-run", "--disable-extensions");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + path;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks the element once it can be clicked, scrolled into the middle of the page first. */
    public void click(By by) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Waits until the page's visible text contains every one of {@code texts}. */
    public void awaitText(String... texts) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "页面上没有出现 " + String.join("、", texts) + "：\n" + text())
                .until(d -> {
                    String shown = text();
                    for (String t : texts) {
                        if (!shown.contains(t)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** What the pages wrote to the browser's console since the last call (errors, warnings). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList();
    }

    /** The page's visible text, as a reader sees it. */
    public String text() {
        Object text = driver.executeScript("return document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    /**
     * Logs {@code userId} in to a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}),
     * which also signs them in to the platform's own pages. A browser already signed in as them stays.
     */
    public void logIn(String app, String userId, String password) {
        if (userId.equals(user)) {
            return;
        }
        logOut();
        By name = By.cssSelector("input[ng-model=username]");
        openApp("/camunda/app/" + app + "/", name);
        driver.findElement(name).sendKeys(userId);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(name));
        user = userId;
    }

    /**
     * Opens a page of a Camunda webapp and waits for {@code ready}. Headless Chromium 156 under
     * chromedriver sometimes leaves a webapp's first load on its spinner: the AMD loader of the
     * webapps (RequireJS) never hears that one of its scripts has loaded, though the script arrived
     * (seen in Chromium's net log) and nothing is logged. Pressing reload, as a person would, starts
     * it; this does so up to three times before giving up.
     */
    public void openApp(String path, By ready) {
        openApp(driver, url(path), ready);
    }

    /** {@link #openApp(String, By)} for a test that drives its own {@code driver}, at {@code url}. */
    public static void openApp(WebDriver driver, String url, By ready) {
        driver.get(url);
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(attempt < 4 ? 10 : 30))
                        .until(ExpectedConditions.visibilityOfElementLocated(ready));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt >= 4) {
                    throw e;
                }
                driver.navigate().refresh();
            }
        }
    }

    /** Forgets the session: the next page is seen by nobody signed in. */
    public void logOut() {
        if (driver.getCurrentUrl().startsWith(base)) {
            driver.manage().deleteAllCookies();
        }
        user = null;
    }

    /** Sends {@code X-Forwarded-For: address} with every request, as a citizen behind the trusted proxy. */
    public void comeFrom(String address) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    /** Keeps a screenshot of this step and checks its visible text for English. */
    public void step(String name) {
        checkLanguage(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Notes the English words in the page's visible text now, under {@code state}. */
    public void checkLanguage(String state) {
        Set<String> words = englishIn(text());
        if (!words.isEmpty()) {
            english.computeIfAbsent(state, s -> new LinkedHashSet<>()).addAll(words);
        }
    }

    /** Every page state checked that showed English, with the words it showed. */
    public Map<String, Set<String>> englishLeft() {
        return english;
    }

    /** The words of {@code text} that are English, not a name or identifier allowed on a Chinese page. */
    public static Set<String> englishIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        // a version as Tasklist writes it, "(v. 1.0)"
        Matcher m = WORD.matcher(text.replace(PRODUCT, "Camunda").replaceAll("\\bv\\.\\s*(?=\\d)", ""));
        while (m.find()) {
            String word = trim(m.group());
            if (word.chars().noneMatch(Character::isLetter) || word.chars().anyMatch(Character::isDigit)
                    || ALLOWED_WORDS.contains(word) || ACCOUNT.matcher(word).matches() || CODE.matcher(word).matches()
                    || word.matches("[^@\\s]+@[^@\\s]+\\.[a-z]+")) {
                continue;
            }
            found.add(word);
        }
        return found;
    }

    private static String trim(String word) {
        return word.replaceAll("[._+-]+$", "");
    }

    /** The words of many states, for a failure message. */
    public static String describe(Map<String, Set<String>> english) {
        List<String> lines = new ArrayList<>();
        english.forEach((state, words) -> lines.add(state + ": " + String.join(" ", words)));
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

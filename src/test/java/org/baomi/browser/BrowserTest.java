package org.baomi.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.SecretLevel;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the browser tests: a headless Chromium (Debian's, or the one named by {@code BAOMI_CHROMIUM}, or
 * Playwright's own when neither exists) driving the Baomi of the shared test context as a person would, in
 * Simplified Chinese unless a test switches. One browser serves every test of the run; each test gets a fresh
 * browser context (no cookies), and the shared clock is put back after each test.
 */
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // the contexts' locale (zh-CN) sets Accept-Language and Intl, but date inputs take their mm/dd/yyyy or
            // yyyy/mm/dd from the browser's own UI language: Chinese, as the Chinese screenshots show it (issue 6)
            "--lang=zh-CN");
    private static final double TIMEOUT_MS = 20_000;

    /** Each browser context appears to come from its own address (X-Forwarded-For, as behind the load balancer). */
    private static final AtomicInteger SOURCES = new AtomicInteger();

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MessageSource messages;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    BrowserContext context;
    Page page;

    @BeforeAll
    static synchronized void launchBrowser() {
        if (browser != null) {
            return;
        }
        Path chromium = systemChromium();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (chromium != null) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        Map<String, String> browserEnv = new HashMap<>(System.getenv());
        browserEnv.put("LANG", "zh_CN.UTF-8");
        browserEnv.put("LANGUAGE", "zh_CN:zh");
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS)
                .setEnv(browserEnv);
        if (chromium != null) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
    }

    /** {@code BAOMI_CHROMIUM} when set, else Debian's Chromium when installed, else null (Playwright's own). */
    private static Path systemChromium() {
        String configured = System.getenv("BAOMI_CHROMIUM");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        return Files.isExecutable(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null;
    }

    @BeforeEach
    void openPage() {
        // Failures a test provokes on purpose then never count towards the per-address throttling (ACC-8)
        // of the other tests in the shared context.
        int n = SOURCES.incrementAndGet();
        String source = "172.16." + (n >> 8 & 255) + "." + (n & 255);
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", source))
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        clock.reset();
        if (context != null) {
            context.close();
        }
    }

    /**
     * Opens the login page, types the staff number and password, presses the button and waits until the
     * answer (the next step, the home page or the login page with a message) has replaced the form.
     */
    void signIn(String staffNo, String password) {
        page.navigate("/login");
        String loginPage = page.url();
        page.locator("#username").fill(staffNo);
        page.locator("#password").fill(password);
        page.locator("#login-submit").click();
        page.waitForURL(url -> !url.equals(loginPage));
    }

    /** A person of the test's own, made for this test: who they are, and their TOTP secret when enrolled. */
    record Person(long id, String staffNo, String fullName, String totpSecret) {
        String password() {
            return TestAccounts.PASSWORD;
        }
    }

    Person newcomer() {
        return person(TestAccounts.person().needingPasswordChange(), null);
    }

    Person staffMember() {
        return person(TestAccounts.person(), null);
    }

    /** Clearance SECRET without a second factor yet: the login asks for enrolment (ACC-7). */
    Person secretHolder() {
        return person(TestAccounts.person().clearance(SecretLevel.SECRET), null);
    }

    Person enrolledSecretHolder() {
        String secret = Totp.newSecret(new SecureRandom());
        return person(TestAccounts.person().clearance(SecretLevel.SECRET).totp(secret), secret);
    }

    private Person person(TestAccounts.Spec spec, String totpSecret) {
        TestAccounts.Created created = accounts.create(spec);
        String fullName = jdbc.sql("SELECT full_name FROM iam_account WHERE id = :id").param("id", created.id())
                .query(String.class).single();
        return new Person(created.id(), created.staffNo(), fullName, totpSecret);
    }

    /** A full-page screenshot in {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}

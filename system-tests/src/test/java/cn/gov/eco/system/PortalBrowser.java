package cn.gov.eco.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright for Java (no browser download: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}),
 * one browser per test class, a fresh context (cookies, sessionStorage) per person. {@code deploy/ensure-chromium.sh}
 * installs the browser; {@code CHROMIUM_PATH} points elsewhere.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    private final Playwright playwright;
    private final Browser browser;
    final String portalUrl;

    PortalBrowser(RunningSystem system) {
        Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: run deploy/ensure-chromium.sh (Debian's chromium)");
        }
        // a shared machine can be slow: wait up to 30 s for what the page should show
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
        portalUrl = "http://localhost:" + system.gatewayPort + "/portal/";
    }

    /** A new browser profile: nobody signed in. */
    BrowserContext newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setAcceptDownloads(true)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context;
    }

    /** Opens the portal, follows 登录 to the authorization server's login form and signs in; back on the portal. */
    Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(portalUrl);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录").setExact(true)).first().click();
        signInOnLoginForm(page, username);
        return page;
    }

    /** On the authorization server's login form (Spring Security's). */
    void signInOnLoginForm(Page page, String username) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> url.startsWith(portalUrl) && url.contains("#/"));
        page.locator(".view[data-ready=true]").waitFor();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

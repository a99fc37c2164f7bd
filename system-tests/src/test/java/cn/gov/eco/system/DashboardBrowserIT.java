package cn.gov.eco.system;

import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency head opens the dashboard from the portal (Debian's chromium), sees the funnel move when an officer
 * records a decision, opens the list behind a figure and downloads the annual statistics as XLSX.
 */
class DashboardBrowserIT {

    private static RunningSystem system;
    private static PortalBrowser browser;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        browser = new PortalBrowser(system);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    static long decided(Page page) {
        String text = page.locator("#funnel [data-figure=DECIDED]").textContent().trim();
        return text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    @Test
    void shouldLetTheAgencyHeadSeeTheFunnelMoveAndDownloadTheAnnualStatistics() throws Exception {
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "agency-head");
            // the page runs under the gateway's page policy: nothing it loads may be blocked by a policy
            java.util.List<String> blocked = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    blocked.add(m.text());
                }
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("数据看板").setExact(true)).click();
            page.waitForURL(url -> url.contains("/dashboard/"));
            page.locator("#funnel [data-figure=DECIDED]").waitFor();
            page.waitForFunction("() => /^\\d+$/.test(document.querySelector('#funnel [data-figure=DECIDED]')"
                    + ".textContent.trim())");
            assertThat(page.locator("#live")).hasText("实时更新：已连接");
            org.assertj.core.api.Assertions.assertThat(blocked).as("refused by a content security policy").isEmpty();
            long before = decided(page);

            var officer = new Http("http://localhost:" + system.gatewayPort).as(Persona.OFFICER_LIN);
            var posted = officer.postJson("/api/cases/decisions", RunningSystem.example("泉环罚〔2026〕9200号"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            // no reload: the server-sent event brings the new figures
            page.waitForFunction("n => Number(document.querySelector('#funnel [data-figure=DECIDED]')"
                    + ".textContent.trim()) > n", (int) before);
            assertThat(decided(page)).isGreaterThan(before);
            // wait for the dual delivery too, for the screenshot
            page.waitForFunction("() => Number(document.querySelector('#funnel [data-figure=SERVED]').textContent) > 0");
            PortalBrowser.screenshot(page, "dashboard-agency-head");

            page.locator("#funnel a.figure", new Page.LocatorOptions().setHasText("处罚决定")).click();
            assertThat(page.locator("#list-card")).isVisible();
            assertThat(page.locator("#list")).containsText("泉环罚〔2026〕9200号");
            PortalBrowser.screenshot(page, "dashboard-list-behind-a-figure");

            Download download = page.waitForDownload(() -> page.locator("#xlsx").click());
            assertThat(download.suggestedFilename()).endsWith(".xlsx");
            try (InputStream in = Files.newInputStream(download.path()); var book = new XSSFWorkbook(in)) {
                var sheet = book.getSheetAt(0);
                double decisions = -1;
                for (var row : sheet) {
                    if (row.getCell(0).getStringCellValue().equals("行政处罚决定数")) {
                        decisions = row.getCell(2).getNumericCellValue();
                    }
                }
                assertThat(decisions).isGreaterThanOrEqualTo(1);
                assertThat(sheet.getSheetName()).contains("年执法统计");
            }
        }
    }
}

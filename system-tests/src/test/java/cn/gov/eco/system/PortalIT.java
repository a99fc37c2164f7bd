package cn.gov.eco.system;

import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal (门户) in Debian's chromium, against the running system: an enterprise signs in through the real
 * authorization server's login form (authorization code + PKCE), reads its decision, downloads the PDFs, reads its
 * publicity dates with their explanations, and signs out; the other enterprise sees none of it.
 */
class PortalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSystem system;
    private static PortalBrowser browser;
    private static String caseId;
    private static final String DOCUMENT_NUMBER = "泉环罚〔2026〕501号";
    private static JsonNode publicityRecord;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        browser = new PortalBrowser(system);
        // an officer records a decision against enterprise A; it is served and published
        caseId = PortalRepairIT.decide(DOCUMENT_NUMBER, "2026-11-20").get("caseId").asString();
        Http enterpriseA = RunningSystem.http(system.gateway).withToken(GatewayWalkthroughIT.passwordToken("enterprise-a"));
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(enterpriseA
                .get("/api/enterprises/" + Persona.USCC_A + "/publicity-records").body()).get("records").valueStream()
                .anyMatch(r -> caseId.equals(r.get("caseId").asString())));
        publicityRecord = JSON.readTree(enterpriseA.get("/api/enterprises/" + Persona.USCC_A + "/publicity-records")
                .body()).get("records").valueStream().filter(r -> caseId.equals(r.get("caseId").asString()))
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldLetAnEnterpriseSignInReadItsDecisionDownloadThePdfsSeeItsPublicityDatesAndSignOut() throws Exception {
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "enterprise-a");

            // 我的处罚决定: the decision, both documents served together
            assertThat(page.locator("#who")).containsText("陈建国");
            assertThat(page.locator("#who")).not().containsText("undefined");
            Locator card = page.locator("article[data-case-id='" + caseId + "']");
            assertThat(card).containsText(DOCUMENT_NUMBER);
            assertThat(card).containsText("罚款 120,000.00 元");
            assertThat(card).containsText("行政处罚决定书");
            assertThat(card).containsText("信用信息修复权益告知书");
            PortalBrowser.screenshot(page, "enterprise-decisions");

            for (String kind : new String[]{"PENALTY_DECISION", "REPAIR_RIGHTS_NOTICE"}) {
                Locator button = card.locator("button[data-document=" + kind + "]");
                Download download = page.waitForDownload(button::click);
                byte[] pdf = Files.readAllBytes(download.path());
                assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                assertThat(download.suggestedFilename()).endsWith(".pdf");
            }

            // 信用信息公示: every date with the sentence that explains it, as the credit service computed them
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用信息公示")).click();
            Locator publicity = page.locator("article[data-case-id='" + caseId + "']");
            JsonNode plan = publicityRecord.get("plan");
            for (String date : new String[]{"minPeriodEnd", "maxPeriodEnd", "earliestApplicationDate", "autoStopDate"}) {
                if (plan.get(date).isNull()) {
                    continue;
                }
                assertThat(publicity.locator("time[datetime='" + plan.get(date).get("date").asString() + "']").first())
                        .isVisible();
                assertThat(publicity).containsText(plan.get(date).get("explanationZh").asString());
            }
            PortalBrowser.screenshot(page, "enterprise-publicity");

            // after the page change, focus is on the new page's heading, and its title is announced
            page.waitForFunction("document.activeElement && document.activeElement.tagName === 'H1'");
            assertThat(page.locator("#announcer")).hasText("已打开：信用信息公示");
            assertThat(page.locator("main")).not().containsText("false");

            // a narrow screen: the same page still reads (no horizontal scrolling), under a compact header
            page.setViewportSize(390, 844);
            assertThat(publicity).isVisible();
            assertThat(((Number) page.evaluate("document.querySelector('header.top').getBoundingClientRect().height"))
                    .doubleValue()).as("the header's height on a 390 x 844 screen").isLessThan(100);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            PortalBrowser.screenshot(page, "enterprise-publicity-narrow");
            page.setViewportSize(1280, 900);

            // 环境信用等级: the level in words, and the change this decision caused with its reason
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("环境信用等级")).click();
            Locator level = page.locator("article[data-level]");
            assertThat(level).isVisible();
            assertThat(level.locator(".badge")).hasText(Pattern.compile("^(绿色|蓝色|黄色|红色|未评价).*"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                page.reload();
                assertThat(page.locator("table.history")).containsText(DOCUMENT_NUMBER);
            });
            PortalBrowser.screenshot(page, "enterprise-credit-level");

            // the access token about to expire: the portal refreshes it with the refresh token, which rotates
            String oldRefresh = (String) page.evaluate("JSON.parse(sessionStorage.getItem('portal.session')).refreshToken");
            page.evaluate("(() => { const s = JSON.parse(sessionStorage.getItem('portal.session'));"
                    + " s.expiresAt = 0; sessionStorage.setItem('portal.session', JSON.stringify(s)); })()");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的处罚决定")).click();
            // the decisions page again (its download buttons, which the publicity page does not have) ...
            assertThat(page.locator("article[data-case-id='" + caseId + "'] button[data-document=PENALTY_DECISION]"))
                    .isVisible();
            // ... and the observable effect of its API call: the rotated refresh token in the tab's session
            page.waitForFunction("old => { const s = JSON.parse(sessionStorage.getItem('portal.session') || 'null');"
                    + " return s !== null && !!s.refreshToken && s.refreshToken !== old; }", oldRefresh,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
            String newRefresh = (String) page.evaluate("JSON.parse(sessionStorage.getItem('portal.session')).refreshToken");
            assertThat(newRefresh).isNotBlank().isNotEqualTo(oldRefresh);
            var reused = RunningSystem.http(system.gateway).anonymous().send("POST", "/portal/oauth2/token",
                    "application/x-www-form-urlencoded", ("grant_type=refresh_token&client_id=portal&refresh_token="
                            + java.net.URLEncoder.encode(oldRefresh, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reused.statusCode()).as("a used refresh token is refused").isEqualTo(400);

            // 退出登录: tokens gone, the authorization server's session ended, so 登录 asks for the password again
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
            page.waitForURL(Pattern.compile(".*state=signed-out.*"));
            assertThat(page.getByText("您已安全退出登录。")).isVisible();
            assertThat(page.evaluate("sessionStorage.getItem('portal.session')")).isNull();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).first().click();
            assertThat(page.locator("input[name=password]")).isVisible();
        }
    }

    @Test
    void shouldShowTheOtherEnterpriseNoneOfItsDataAndRefuseItsCaseInChinese() {
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "enterprise-b");
            assertThat(page.locator("#who")).containsText("李海燕");
            assertThat(page.locator("main")).not().containsText(DOCUMENT_NUMBER);
            assertThat(page.locator("article[data-case-id='" + caseId + "']")).hasCount(0);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用信息公示")).click();
            page.locator(".view[data-ready=true]").waitFor();
            assertThat(page.locator("main")).not().containsText(DOCUMENT_NUMBER);

            // enterprise A's case by its id: the case service refuses, the page says why in Chinese
            page.navigate(browser.portalUrl + "#/cases/" + caseId);
            Locator problem = page.locator(".problem");
            assertThat(problem).isVisible();
            assertThat(problem).containsText("无权");
            assertThat(page.locator("main")).not().containsText(DOCUMENT_NUMBER);
            PortalBrowser.screenshot(page, "enterprise-b-refused");
        }
    }

    @Test
    void shouldLetAnOfficerRecordADecisionWithEachRefusedFieldShownBesideItAndThenFollowItsDocuments() {
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "officer-lin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("录入处罚决定")).click();
            page.locator(".view[data-ready=true]").waitFor();
            assertThat(page.getByLabel("作出机关")).hasValue("泉州市生态环境局");

            page.getByLabel("名称").fill("泉州市清源化工有限公司");
            page.getByLabel("统一社会信用代码").fill("9135050"); // too short
            page.getByLabel("决定书文号").fill("泉环罚〔2026〕503号");
            page.getByLabel("决定日期").fill("2026-11-20");
            page.getByLabel("种类").selectOption("FINE");
            Locator amount = page.getByLabel("金额（元，罚款、没收违法所得须填）");
            amount.fill("十二万"); // not a number: must not hide the other fields' errors
            assertThat(page.locator("label[for='enterprise.name'] .required")).isVisible(); // required fields marked
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("录入并制作文书")).click();

            // the case service's violations and the form's own, each beside its field, in Chinese, each listed once
            Locator uscc = page.locator("[name='enterprise.uscc']");
            assertThat(uscc).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("[id='enterprise.uscc-error']")).not().isEmpty();
            assertThat(page.locator("[name=facts]")).hasAttribute("aria-invalid", "true");
            assertThat(amount).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("[id='penalty-0-amount-error']")).containsText("金额须为数字");
            assertThat(page.locator(".problem")).containsText("输入不符合要求");
            assertThat(page.locator(".problem")).containsText("处需要修改");
            assertThat(page.locator(".problem li")).hasCount(0);
            PortalBrowser.screenshot(page, "officer-decision-refused");
            amount.fill("120,000.00"); // inside 《大气污染防治法》第九十九条's 100,000–1,000,000

            uscc.fill(Persona.USCC_A);
            page.getByLabel("住所").fill("福建省泉州市丰泽区东海街道滨海路88号");
            page.getByLabel("法定代表人").fill("陈建国");
            page.getByLabel("违法事实").fill("2026年9月15日现场检查发现废气处理设施未正常运行，颗粒物排放浓度超标。");
            page.getByLabel("证据（每行一项）").fill("现场检查（勘察）笔录\n监测报告");
            page.getByLabel("违反的规定").fill("《中华人民共和国大气污染防治法》第十八条");
            page.getByLabel("处罚依据").fill("《中华人民共和国大气污染防治法》第九十九条第二项");
            page.getByLabel("裁量说明").fill("当事人积极整改，依法从轻处罚。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("录入并制作文书")).click();
            assertThat(page.locator(".success")).containsText("泉环罚〔2026〕503号");
            String newCase = page.locator(".success code[data-case-id]").getAttribute("data-case-id");

            // its documents, once made and served
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看案件与文书送达 →")).click();
            Locator card = page.locator("article[data-case-id='" + newCase + "']");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                page.reload();
                assertThat(card.locator("button[data-document]")).hasCount(2);
            });

            // 案件查询: the case is found again by its 文号 (no internal id), and opens from the list
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("案件查询").setExact(true)).click();
            page.getByLabel("文号、企业名称或统一社会信用代码").fill("503号");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
            Locator row = page.locator("tr[data-case-id='" + newCase + "']");
            assertThat(row).containsText("泉州市清源化工有限公司");
            assertThat(row).containsText("2026年11月20日");
            PortalBrowser.screenshot(page, "officer-case-search");
            row.getByRole(AriaRole.LINK).click();
            assertThat(page.locator("article[data-case-id='" + newCase + "']")).isVisible();
        }
        // the legal reviewer's first page is the legal-review queue, read from the case service
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "legal-reviewer");
            assertThat(page.locator("h1")).hasText("法制审核");
            assertThat(page.locator(".problem")).hasCount(0);
            assertThat(page.locator("table.queue, .empty")).hasCount(1);
        }
    }
}

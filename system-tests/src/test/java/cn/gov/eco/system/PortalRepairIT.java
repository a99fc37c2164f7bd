package cn.gov.eco.system;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The online credit repair (信用修复) in the portal, in Debian's chromium against the running system: the enterprise
 * sees why one decision cannot be repaired yet (every unmet condition, the earliest date and its explanation),
 * applies for another — commitment, form, a refused upload shown next to its field, a real PDF — and follows its
 * status; the credit reviewer accepts and approves it from the queue, a step without a reason is refused beside the
 * reason field.
 *
 * <p>The fine payment and the verified rectification come as the case service's events (FinePaid,
 * RectificationVerified) on {@code enforcement.case.v1}, published here as that service would.
 */
class PortalRepairIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSystem system;
    private static PortalBrowser browser;
    private static Http enterpriseA;
    private static String repairableCase;
    private static String waitingCase;
    private static byte[] pdf;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        browser = new PortalBrowser(system);
        enterpriseA = RunningSystem.http(system.gateway).withToken(GatewayWalkthroughIT.passwordToken("enterprise-a"));

        // decided on 2026-06-01: its minimum publicity period (3 months) is over by 2026-11-23
        JsonNode repairable = decide("泉环罚〔2026〕611号", "2026-06-01");
        repairableCase = repairable.get("caseId").asString();
        // decided on 2026-11-20: still in its minimum period, the fine unpaid
        waitingCase = decide("泉环罚〔2026〕612号", "2026-11-20").get("caseId").asString();

        await().atMost(Duration.ofSeconds(90)).until(() -> eligibility(repairableCase) != null && eligibility(waitingCase) != null);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            String decisionId = repairable.at("/decision/decisionId").asString();
            publish(producer, EventTypes.FINE_PAID, repairableCase, sample(EventTypes.FINE_PAID)
                    .put("caseId", repairableCase).put("decisionId", decisionId).put("uscc", Persona.USCC_A)
                    .put("documentNumber", "泉环罚〔2026〕611号").put("paymentId", repairableCase + "-p1")
                    .put("paidDate", "2026-06-10").put("dueDate", "2026-06-20").put("amount", "120000.00")
                    .put("fine", "120000.00").put("totalPaid", "120000.00").put("outstanding", "0.00")
                    .put("fullyPaid", true));
            publish(producer, EventTypes.RECTIFICATION_VERIFIED, repairableCase, sample(EventTypes.RECTIFICATION_VERIFIED)
                    .put("caseId", repairableCase).put("decisionId", decisionId).put("uscc", Persona.USCC_A)
                    .put("documentNumber", "泉环罚〔2026〕611号").put("verifiedDate", "2026-07-01"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> eligibility(repairableCase).at("/fine/fullyPaid").asBoolean()
                && !eligibility(repairableCase).get("rectificationVerifiedOn").isNull());

        // the material: the decision's own sealed PDF, as served
        JsonNode delivery = JSON.readTree(enterpriseA.get("/api/deliveries/" + repairableCase).body());
        pdf = enterpriseA.getBytes(delivery.get("documents").get(0).get("href").asString()).body();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowWhyNotYetApplyWithEveryConditionThenTakeAnApplicationWithItsUploadThroughToTheReviewersApproval() {
        JsonNode waiting = eligibility(waitingCase);
        String applicationId;
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "enterprise-a");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用修复").setExact(true)).click();
            page.locator(".view[data-ready=true]").waitFor();
            // repair is free and only through official channels, as the notice says
            assertThat(page.locator("#repair-free")).containsText("不收取任何费用");
            assertThat(page.locator("#repair-free")).containsText("www.creditchina.gov.cn");

            // not yet: every unmet condition, the earliest date and the sentence explaining it
            Locator blocked = page.locator("article[data-record-id='" + waitingCase + "']");
            assertThat(blocked).containsText("暂不能申请");
            for (JsonNode unmet : waiting.get("unmet")) {
                if (!unmet.get("code").asString().equals("CREDIT_COMMITMENT_REQUIRED")) {
                    assertThat(blocked.locator("[data-code='" + unmet.get("code").asString() + "']"))
                            .containsText(unmet.get("messageZh").asString());
                }
            }
            assertThat(blocked.locator("[data-code=MIN_PERIOD_NOT_ELAPSED]"))
                    .containsText(waiting.at("/earliestApplicationDate/explanationZh").asString());
            // each unmet condition says what to do next, and where
            for (JsonNode unmet : waiting.get("unmet")) {
                if (!unmet.get("code").asString().equals("CREDIT_COMMITMENT_REQUIRED")) {
                    assertThat(blocked.locator("[data-code='" + unmet.get("code").asString() + "'] .next-step"))
                            .containsText("下一步");
                }
            }
            assertThat(blocked.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请信用修复"))).hasCount(0);
            blocked.scrollIntoViewIfNeeded();
            PortalBrowser.screenshot(page, "repair-eligibility");

            // the repairable one: the form
            page.locator("article[data-record-id='" + repairableCase + "']")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请信用修复")).click();
            page.locator(".view[data-ready=true]").waitFor();
            assertThat(page.locator(".commitment")).not().isEmpty();

            // nothing filled in: each field says what is missing, beside it
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#contactName[aria-invalid=true]")).isVisible();
            assertThat(page.locator("#contactPhone-error")).containsText("联系电话");
            assertThat(page.locator("[data-field=commitment] .field-error")).containsText("信用承诺");

            page.getByLabel("本企业已阅读上述信用承诺书", new Page.GetByLabelOptions().setExact(false)).check();
            page.getByLabel("联系人").fill("陈建国");
            page.getByLabel("联系电话").fill("13905951234");
            page.getByLabel("修复申请说明").fill("罚款已于2026年6月10日缴清，废气处理设施已整改并经复测达标。");

            // a file that only claims to be a PDF: the credit service refuses it, the page says so by the field
            page.getByLabel("上传材料").setInputFiles(new FilePayload("整改报告.pdf", "application/pdf",
                    "这不是PDF文件".getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("[data-field=materials] .field-error")).containsText("PDF");
            assertThat(page.locator("#materials")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator(".problem")).isVisible();
            PortalBrowser.screenshot(page, "repair-form-refused-upload");

            page.getByLabel("上传材料").setInputFiles(new FilePayload("罚款缴纳凭证及整改报告.pdf", "application/pdf", pdf));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            page.waitForURL(url -> url.contains("#/repair/applications/"));
            Locator application = page.locator("article[data-application-id]");
            assertThat(application).hasAttribute("data-status", "RECEIVED");
            assertThat(application).containsText("已登记待受理");
            assertThat(application).containsText("罚款缴纳凭证及整改报告.pdf");
            assertThat(application).containsText("受理期限");
            applicationId = application.getAttribute("data-application-id");
            PortalBrowser.screenshot(page, "repair-application-received");
        }

        // the credit reviewer: the queue, accept, a denial without a reason refused, approve
        try (BrowserContext reviewer = browser.newPerson()) {
            Page page = browser.signIn(reviewer, "credit-reviewer");
            assertThat(page.locator("tr[data-application-id='" + applicationId + "']")).isVisible();
            PortalBrowser.screenshot(page, "reviewer-queue");
            page.locator("tr[data-application-id='" + applicationId + "'] a").click();
            page.locator(".view[data-ready=true]").waitFor();
            // the material as the enterprise uploaded it
            var material = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("下载材料 罚款缴纳凭证及整改报告.pdf")).click());
            assertThat(material.suggestedFilename()).isEqualTo("罚款缴纳凭证及整改报告.pdf");
            try {
                assertThat(java.nio.file.Files.readAllBytes(material.path())).isEqualTo(pdf);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受理").setExact(true)).click();
            assertThat(page.locator("article[data-application-id]")).hasAttribute("data-status", "UNDER_REVIEW");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("不予修复").setExact(true)).click();
            assertThat(page.locator("#reason-error")).containsText("理由");
            assertThat(page.locator("article[data-application-id]")).hasAttribute("data-status", "UNDER_REVIEW");

            // with a reason, a denial is asked once more; cancelled, nothing is sent
            page.getByLabel("理由").fill("材料不全");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("不予修复").setExact(true)).click();
            Locator confirm = page.getByRole(AriaRole.ALERTDIALOG);
            assertThat(confirm).containsText("确认不予修复？");
            assertThat(confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认不予修复"))).isFocused();
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消")).click();
            assertThat(confirm).hasCount(0);
            assertThat(page.locator("article[data-application-id]")).hasAttribute("data-status", "UNDER_REVIEW");
            page.getByLabel("理由").fill("");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("准予修复").setExact(true)).click();
            assertThat(page.locator("article[data-application-id]")).hasAttribute("data-status",
                    java.util.regex.Pattern.compile("APPROVED|COMPLETED"));
            PortalBrowser.screenshot(page, "reviewer-approved");
        }

        // the enterprise sees the outcome
        try (BrowserContext person = browser.newPerson()) {
            Page page = browser.signIn(person, "enterprise-a");
            page.navigate(browser.portalUrl + "#/repair/applications/" + applicationId);
            assertThat(page.locator("article[data-application-id]")).hasAttribute("data-status",
                    java.util.regex.Pattern.compile("APPROVED|COMPLETED"));
        }
    }

    /** The README's example decision against enterprise A, under this number and date, recorded by officer-lin. */
    static JsonNode decide(String documentNumber, String decisionDate) throws Exception {
        Http officer = RunningSystem.http(RunningSystem.get().gateway)
                .withToken(GatewayWalkthroughIT.passwordToken("officer-lin"));
        var posted = officer.postJson("/api/cases/decisions", RunningSystem.example(documentNumber)
                .replace("\"decisionDate\": \"2026-11-20\"", "\"decisionDate\": \"" + decisionDate + "\""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return JSON.readTree(posted.body());
    }

    static JsonNode eligibility(String caseId) {
        var answer = enterpriseA.get("/api/enterprises/" + Persona.USCC_A + "/repair-eligibility");
        if (answer.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(answer.body()).get("records").valueStream()
                .filter(r -> caseId.equals(r.get("caseId").asString())).findFirst().orElse(null);
    }

    private static ObjectNode sample(EventType type) throws java.io.IOException {
        try (var in = PortalRepairIT.class.getResourceAsStream(type.sampleResource())) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void publish(KafkaProducer<String, byte[]> producer, EventType type, String caseId, ObjectNode payload)
            throws Exception {
        var event = new OutboxEvent(UUID.randomUUID().toString(), type.ceType(), Topics.ENFORCEMENT_CASE.name(), caseId,
                caseId, 1, Instant.now(), "NDRC-ORDER-36", "CN-SC-2019.2026-v2",
                "00-" + UUID.randomUUID().toString().replace("-", "") + "-" + "b7ad6b7169203331-01",
                JSON.writeValueAsString(payload), null);
        producer.send(CloudEventRecords.toRecord(event, URI.create("/system-tests/portal"))).get();
    }
}

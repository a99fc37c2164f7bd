package cn.gov.eco.notice.document;

import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.gov.eco.notice.document.DocumentRendererTest.flat;
import static cn.gov.eco.notice.document.DocumentRendererTest.squash;
import static cn.gov.eco.notice.document.DocumentRendererTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two documents checked field by field against their inputs (every element of 行政处罚法 Art. 59 and of
 * DOMAIN.md §8.6), and what an agency adapts without code: payment account, RED fast lane, the province's
 * platforms, the seal picture beside the digital seal.
 */
class DocumentContentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), ZoneOffset.UTC);
    private static final AgencyProfile.Payment PAYMENT = new AgencyProfile.Payment("中国农业银行泉州分行营业部",
            "泉州市财政局非税收入汇缴结算户", "13-600101040001234", "凭缴款码通过福建省非税收入统一缴款平台缴纳");
    private static final String FAST_LANE = "环境信用等级被评为“环保不良”（红色）的企业，完成整改并经核查确认后，可通过信用修复“绿色通道”优先办理。";
    private static CjkFont font;
    private static SealKey key;

    @BeforeAll
    static void load() {
        font = CjkFont.loadDefault();
        key = DevelopmentSealKey.create("泉州市生态环境局", DevelopmentSealKey.Algorithm.EC_P256, CLOCK);
    }

    static AgencyProfile adaptedAgency(AgencyProfile.SealImage seal) {
        AgencyProfile a = SampleDocuments.agency();
        return new AgencyProfile(a.name(), a.contact(), a.address(), a.platforms(), PAYMENT, FAST_LANE, seal);
    }

    static DocumentRenderer sealing(AgencyProfile agency) {
        return new DocumentRenderer(font, DocumentTemplates.classpathDefaults(), agency, CLOCK,
                new PdfSealer(key, new PdfSealer.Signer("泉州市生态环境局", "福建省泉州市", "0595-22500000"), CLOCK));
    }

    @Test
    void shouldPrintEveryInputOfTheDecisionFieldByField() throws IOException {
        PenaltyDecisionDocument d = SampleDocuments.decisionWithStatements();
        AgencyProfile agency = adaptedAgency(null);
        String text = flat(sealing(agency).renderDecision(d));

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("documentNumber", d.documentNumber());
        expected.put("caseNumber", d.caseNumber());
        expected.put("Art. 59(1) party.name", "当事人：" + d.party().name());
        expected.put("Art. 59(1) party.uscc", "统一社会信用代码：" + d.party().uscc());
        expected.put("Art. 59(1) party.address", "住所：" + d.party().address());
        expected.put("Art. 59(1) party.legalRepresentative", "法定代表人：" + d.party().legalRepresentative());
        expected.put("Art. 59(2) facts", d.facts());
        for (int i = 0; i < d.evidence().size(); i++) {
            expected.put("Art. 59(2) evidence " + (i + 1), (i + 1) + "." + d.evidence().get(i));
        }
        expected.put("Art. 59(3) violatedProvision", "违反了" + d.violatedProvision() + "的规定");
        expected.put("Art. 59(3) penaltyBasisProvision", "依据" + d.penaltyBasisProvision() + "的规定");
        for (var p : d.penalties()) {
            expected.put("Art. 59(3) penalty " + p.typeZh(), p.typeZh() + "：" + ChineseFormats.money(p.amount()));
        }
        expected.put("Art. 59(4) deadline", "履行期限：" + d.performance().deadline());
        expected.put("Art. 59(4) method", "履行方式：" + d.performance().method());
        expected.put("Art. 67 bank", "收款银行：" + PAYMENT.bank());
        expected.put("Art. 67 account name", "收款户名：" + PAYMENT.accountName());
        expected.put("Art. 67 account", "收款账号：" + PAYMENT.account());
        expected.put("Art. 67 e-payment", "电子缴款：" + PAYMENT.electronic());
        expected.put("Art. 72 surcharge warning", PenaltyDecisionDocument.Performance.STATUTORY_SURCHARGE_WARNING);
        expected.put("Art. 59(5) reconsideration", "自收到本决定书之日起六十日内向" + d.remedies().reconsiderationBody()
                + "申请行政复议");
        expected.put("Art. 59(5) litigation", "自收到本决定书之日起六个月内向" + d.remedies().court() + "提起行政诉讼");
        expected.put("discretionStatement", d.discretionStatement());
        expected.put("statementsAndHearing", d.statementsAndHearing());
        expected.put("publicityNotice", d.publicityNotice());
        expected.put("Art. 59(6) issuingAgency", d.issuingAgency());
        expected.put("Art. 59(6) decisionDate", "二〇二五年三月十日"); // GB/T 9704-2012 §7.3.5.1
        expected.put("agency contact", "联系方式：" + agency.contact());
        expected.put("agency address", "联系地址：" + agency.address());

        List<String> missing = new ArrayList<>();
        expected.forEach((field, value) -> {
            if (!text.contains(squash(value))) {
                missing.add(field + " = " + value);
            }
        });
        assertThat(missing).as("inputs not found in the extracted text").isEmpty();
        assertThat(text).doesNotContain("应当先申请行政复议"); // not an on-the-spot decision
    }

    @Test
    void shouldStateReconsiderationFirstForAnOnTheSpotDecisionOnly() throws IOException {
        PenaltyDecisionDocument d = SampleDocuments.decision();
        var onTheSpot = new PenaltyDecisionDocument(d.documentNumber(), d.caseNumber(), d.party(), d.facts(),
                d.evidence(), d.violatedProvision(), d.penaltyBasisProvision(), d.penalties(), d.performance(),
                new PenaltyDecisionDocument.Remedies("泉州市人民政府", 60, "泉州市丰泽区人民法院", 6, true),
                d.discretionStatement(), d.publicityNotice(), d.issuingAgency(), d.decisionDate());
        String text = flat(sealing(adaptedAgency(null)).renderDecision(onTheSpot));
        // 《行政复议法》第二十三条第一款 (复议前置)
        assertThat(text).contains("本决定为当场作出的行政处罚决定", "第二十三条第一款", "应当先申请行政复议");
    }

    @Test
    void shouldLeaveOutWhatIsNotGivenWithoutEmptyLabels() throws IOException {
        String text = flat(new DocumentRenderer(font, DocumentTemplates.classpathDefaults(), SampleDocuments.agency())
                .renderDecision(SampleDocuments.decision()));
        assertThat(text).doesNotContain("收款银行", "收款账号", "电子缴款", "陈述、申辩和要求听证");
        String notice = flat(new DocumentRenderer(font, DocumentTemplates.classpathDefaults(), SampleDocuments.agency())
                .renderNotice(SampleDocuments.notice()));
        assertThat(notice).doesNotContain("绿色通道");
    }

    @Test
    void shouldPrintEveryInputOfTheNoticeFieldByFieldWithTheRedFastLane() throws IOException {
        RepairRightsNoticeDocument n = SampleDocuments.notice();
        AgencyProfile agency = adaptedAgency(null);
        String text = flat(sealing(agency).renderNotice(n));
        List<String> expected = new ArrayList<>(List.of(n.documentNumber(),
                "《行政处罚决定书》（" + n.linkedDecisionNumber() + "）", n.partyName(), "统一社会信用代码：" + n.partyUscc(),
                "失信程度：" + n.severityTierZh(), "认定依据：" + n.severityBasis(),
                "公示起始日期：2025年3月10日", "最短公示期届满：2025年6月10日", "最长公示期届满：2026年3月10日",
                "最早可申请日期：2025年6月11日", n.earliestApplicationExplanationZh(),
                "申请渠道：" + n.applicationChannel(), "办理时限：" + n.processingTimeLimits(),
                n.environmentalCreditEffect(), FAST_LANE, RepairRightsNoticeDocument.ANTI_FRAUD_WARNING,
                "联系方式：" + n.contact(), n.issuingAgency(), ChineseFormats.officialDate(n.issueDate())));
        agency.platforms().forEach(expected::add);
        for (int i = 0; i < n.repairConditions().size(); i++) {
            expected.add((i + 1) + "." + n.repairConditions().get(i));
        }
        for (int i = 0; i < n.requiredMaterials().size(); i++) {
            expected.add((i + 1) + "." + n.requiredMaterials().get(i));
        }
        assertThat(expected.stream().filter(v -> !text.contains(squash(v))).toList())
                .as("inputs not found in the extracted text").isEmpty();
        // the notice's number names the decision's (两书同达: one linked to the other)
        assertThat(n.documentNumber()).startsWith(n.linkedDecisionNumber());
    }

    @Test
    void shouldDrawTheSealPictureOverTheSignatureBlockAndKeepTheTextAndTheDigitalSealValid() throws IOException {
        AgencyProfile withSeal = adaptedAgency(new AgencyProfile.SealImage(sealPng(), 42f));
        byte[] decision = sealing(withSeal).renderDecision(SampleDocuments.decision());
        byte[] plain = sealing(adaptedAgency(null)).renderDecision(SampleDocuments.decision());

        try (PDDocument doc = Loader.loadPDF(decision)) {
            var last = doc.getPage(doc.getNumberOfPages() - 1);
            var image = (PDImageXObject) last.getResources().getXObject(COSName.getPDFName("Seal"));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(240);
            String content = new String(last.getContents().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(content).contains("/Seal Do").contains("119.06 0 0 119.06"); // 42 mm in points
            for (int p = 0; p < doc.getNumberOfPages() - 1; p++) {
                assertThat(doc.getPage(p).getResources().getXObject(COSName.getPDFName("Seal")))
                        .as("only the page with the signature block").isNull();
            }
        }
        assertThat(text(decision)).isEqualTo(text(plain));
        SealVerifier verifier = new SealVerifier(List.of(key.certificate()), CLOCK);
        assertThat(verifier.verify(decision).valid()).isTrue();

        byte[] tampered = decision.clone();
        tampered[tampered.length / 3] ^= 0x01; // one bit inside the signed byte range
        assertThat(verifier.verify(tampered).valid()).isFalse();
    }

    @Test
    void shouldChooseTheProvincesPlatformsAndReadTheSealPictureFromConfiguration(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("seal.png");
        Files.write(png, sealPng());
        var props = new DocumentProperties("广东", Map.of("福建", List.of("信用中国", "信用中国（福建）"),
                "广东", List.of("信用中国", "信用中国（广东）")), new DocumentProperties.Payment("某银行", null, null, null),
                FAST_LANE, png.toString(), null);
        AgencyProfile profile = props.agencyProfile("某市生态环境局", "020-1", "广州", List.of("本局网站"));
        assertThat(profile.platforms()).containsExactly("信用中国", "信用中国（广东）");
        assertThat(profile.payment().bank()).isEqualTo("某银行");
        assertThat(profile.payment().account()).isEmpty();
        assertThat(profile.sealImage().diameterMm()).isEqualTo(42f);
        assertThat(new DocumentProperties("西藏", props.platformsByProvince(), null, null, null, null)
                .platforms(List.of("本局网站"))).containsExactly("本局网站");

        Path notPng = dir.resolve("seal.jpg");
        Files.writeString(notPng, "not a png");
        assertThatThrownBy(() -> new DocumentProperties(null, null, null, null, notPng.toString(), null)
                .agencyProfile("a", null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PNG");
    }

    /** A red seal ring with a star on a transparent background, 240 × 240 px. */
    static byte[] sealPng() throws IOException {
        BufferedImage img = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color red = new Color(220, 20, 30, 200);
        g.setColor(red);
        g.setStroke(new BasicStroke(10));
        g.drawOval(8, 8, 224, 224);
        Path2D star = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 45 : 18;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = 120 + r * Math.cos(a);
            double y = 120 + r * Math.sin(a);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.fill(star);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}

package cn.gov.eco.notice.document;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DocumentRendererTest {

    private static CjkFont font;
    private static DocumentRenderer renderer;

    @BeforeAll
    static void loadFont() {
        font = CjkFont.loadDefault();
        renderer = new DocumentRenderer(font, DocumentTemplates.classpathDefaults(), SampleDocuments.agency());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /**
     * Extracted text without line breaks and spaces, so that wrapped sentences and label–value rows (the
     * stripper puts a space for the gap between the columns) can be matched whole.
     */
    static String flat(byte[] pdf) throws IOException {
        return squash(withoutPageNumbers(text(pdf)));
    }

    /** The text without the page numbers ("— 1 —"), which a page break puts in the middle of a sentence. */
    static String withoutPageNumbers(String text) {
        return text.replaceAll("— \\d+ —", "");
    }

    static String squash(String s) {
        return s.replaceAll("[\\s&&[^\u3000]]+", "");
    }

    @Test
    void shouldPrintEveryArticle59ElementOfThePenaltyDecision() throws IOException {
        String text = flat(renderer.renderDecision(SampleDocuments.decision()));

        assertThat(text).contains("行政处罚决定书", "泉环罚〔2025〕12号", "泉环执〔2025〕立字第031号");
        // (1) party name and address
        assertThat(text).contains("当事人：泉州某某化工有限公司", "统一社会信用代码：91350500MA2Y0001XX",
                "福建省泉州市泉港区南埔镇石化园区8号", "法定代表人：张某某");
        // (2) facts and evidence
        assertThat(text).contains("化学需氧量浓度为186毫克/升", "（GB8978-1996）", "导致超标废水经雨水管网排入外环境。",
                "1.现场检查（勘察）笔录一份", "2.泉州市环境监测站监测报告（泉环监〔2025〕第0108号）", "5.营业执照复印件");
        // (3) penalty type and legal basis
        assertThat(text).contains("违反了《中华人民共和国水污染防治法》第十条的规定",
                "依据《中华人民共和国水污染防治法》第八十三条第二项的规定", "罚款：人民币34,000.00元");
        // (4) how and by when to perform, with the Art. 72 surcharge warning
        assertThat(text).contains("履行期限：自收到本决定书之日起十五日内", "福建省非税收入统一缴款平台",
                "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额");
        // (5) reconsideration and litigation channels and periods
        assertThat(text).contains("六十日内向泉州市人民政府申请行政复议", "六个月内向泉州市丰泽区人民法院提起行政诉讼");
        // (6) agency and date, seal place
        // the 成文日期 in Chinese numerals (GB/T 9704-2012 §7.3.5.1); the seal is drawn, not written as （印章）
        assertThat(text).contains("泉州市生态环境局", "二〇二五年三月十日").doesNotContain("（印章）");
        // operational fields
        assertThat(text).contains("对你单位从轻处罚", "本决定将依法在泉州市生态环境局门户网站和信用中国网站公示");
        assertThat(text).doesNotContain("复议前置", "第二十三条第一款");
    }

    @Test
    void shouldPrintEveryFieldOfTheRepairRightsNotice() throws IOException {
        String text = flat(renderer.renderNotice(SampleDocuments.notice()));

        assertThat(text).contains("企业环境信用信息修复权益告知书", "泉环罚〔2025〕12号-修复告知",
                "《行政处罚决定书》（泉环罚〔2025〕12号）");
        assertThat(text).contains("泉州某某化工有限公司（统一社会信用代码：91350500MA2Y0001XX）");
        assertThat(text).contains("失信程度：一般失信行为", "受到较大数额罚款的行政处罚");
        // the notice names no platform, so the agency profile's list is printed
        assertThat(text).contains("信用中国（www.creditchina.gov.cn）", "信用中国（福建）", "泉州市生态环境局门户网站");
        assertThat(text).contains("公示起始日期：2025年3月10日", "最短公示期届满：2025年6月10日", "最长公示期届满：2026年3月10日");
        assertThat(text).contains("最早可申请日期：2025年6月11日", SampleDocuments.EARLIEST_EXPLANATION);
        assertThat(text).contains("1.最短公示期已届满", "4.作出信用承诺", "1.信用修复申请书", "4.整改完成的证明材料");
        assertThat(text).contains("“信用修复”栏目在线申请", "3个工作日内决定是否受理", "环境信用动态评价");
        assertThat(text).contains("信用修复不收取任何费用，请通过官方渠道申请，谨防诈骗", "联系方式：0595-22500000");
        assertThat(text).contains("二〇二五年三月十日", "泉州市生态环境局").doesNotContain("（印章）");
        assertThat(text).doesNotContain("不予修复");
    }

    @Test
    void shouldStateTheReasonAndOmitTheApplicationPartWhenTheInformationCannotBeRepaired() throws IOException {
        String text = flat(renderer.renderNotice(SampleDocuments.notice(true)));

        assertThat(text).contains("该行政处罚信息在公示期内不予修复。理由：属于特定严重失信行为，公示期内不予修复");
        assertThat(text).doesNotContain("最早可申请日期", "信用修复申请书");
    }

    @Test
    void shouldWrapLongFactsOverSeveralPagesAndNumberThePages() throws IOException {
        String longFacts = String.join("", java.util.Collections.nCopies(25, SampleDocuments.FACTS));
        byte[] pdf = renderer.renderDecision(SampleDocuments.decision(longFacts));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String pageText = stripper.getText(doc);
                assertThat(pageText).contains("— " + p + " —");
            }
            // every wrapped character survives, in order
            String all = withoutPageNumbers(new PDFTextStripper().getText(doc));
            assertThat(squash(all)).contains(squash(longFacts));
        }
    }

    @Test
    void shouldNotStartALineWithClosingPunctuation() throws IOException {
        String text = text(renderer.renderDecision(SampleDocuments.decision(
                String.join("", java.util.Collections.nCopies(12, "经查，你单位在生产过程中，未按规定运行污染防治设施。")))));

        for (String line : text.split("\\R")) {
            assertThat(line).as("line '%s'", line).doesNotStartWith("，").doesNotStartWith("。")
                    .doesNotStartWith("、").doesNotStartWith("）");
        }
    }

    @Test
    void shouldEmbedTheFontAsASubsetAndSetTheMetadata() throws IOException {
        byte[] pdf = renderer.renderDecision(SampleDocuments.decision());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f).isInstanceOf(PDType0Font.class);
                    // the serif body (and the document's own subset of it), the 黑体 of the headings
                    assertThat(f.getName()).matches("[A-Z]{6}\\+(UMingCN|WenQuanYiMicroHei)");
                    assertThat(f.isEmbedded()).isTrue();
                    // a subset is far smaller than the 5 MB face
                    long size = ((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2()
                            .toByteArray().length;
                    assertThat(size).isLessThan(300_000);
                }
            }
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("行政处罚决定书 泉环罚〔2025〕12号");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("泉州市生态环境局");
            assertThat(doc.getDocumentInformation().getSubject()).contains("行政处罚决定");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
        }
    }

    @Test
    void shouldExtractExactlyTheCharactersWrittenIncludingThoseSharingGlyphsWithKangxiRadicals() throws IOException {
        // 一 人 日 月 方 金 also exist as Kangxi radicals (U+2F00…) mapped to the same glyphs
        String sentence = "一人日月方金水火土木山川言行走见长门";
        String text = flat(renderer.renderDecision(SampleDocuments.decision(sentence)));

        assertThat(text).contains(sentence);
        assertThat(text.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF)).isEmpty();
    }

    @Test
    void shouldRenderCorrectlyFromTwoThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                Callable<byte[]> job = () -> n % 2 == 0
                        ? renderer.renderDecision(SampleDocuments.decision())
                        : renderer.renderNotice(SampleDocuments.notice());
                futures.add(pool.submit(job));
            }
            for (int i = 0; i < futures.size(); i++) {
                String text = flat(futures.get(i).get());
                assertThat(text).contains(SampleDocuments.PARTY, SampleDocuments.USCC);
                assertThat(text).contains(i % 2 == 0 ? "人民币34,000.00元" : "2025年6月11日");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(font.parsedCopies()).isBetween(1, 3);
    }

    @Test
    void shouldDeclareEachGlyphsWidthAsTheEmbeddedFontHasIt() throws IOException {
        byte[] pdf = renderer.renderDecision(SampleDocuments.decision());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            PDType0Font f = (PDType0Font) page.getResources().getFont(page.getResources().getFontNames().iterator().next());
            int glyphs = ((PDCIDFontType2) f.getDescendantFont()).getTrueTypeFont().getNumberOfGlyphs();
            assertThat(glyphs).isGreaterThan(100);
            int notDefault = 0;
            for (int cid = 1; cid < glyphs; cid++) {
                // /DW and the /W runs give the same advance as the glyph's own metrics
                assertThat(f.getWidth(cid)).as("CID %d", cid).isCloseTo(f.getWidthFromFont(cid), within(1f));
                if (f.getWidth(cid) != 1000f) {
                    notDefault++;
                }
            }
            assertThat(notDefault).as("Latin letters, digits and the space are narrower").isGreaterThan(10);
        }
    }

    @Test
    void shouldExtractTheSameTextFromSealedDocumentsAndTheSealVerifies() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), ZoneOffset.UTC);
        SealKey key = DevelopmentSealKey.create("泉州市生态环境局", DevelopmentSealKey.Algorithm.EC_P256, clock);
        DocumentRenderer sealing = new DocumentRenderer(font, DocumentTemplates.classpathDefaults(),
                SampleDocuments.agency(), clock, new PdfSealer(key,
                new PdfSealer.Signer("泉州市生态环境局", "福建省泉州市", "0595-22500000"), clock));
        SealVerifier verifier = new SealVerifier(List.of(key.certificate()), clock);

        byte[] decision = sealing.renderDecision(SampleDocuments.decision());
        byte[] notice = sealing.renderNotice(SampleDocuments.notice());

        assertThat(text(decision)).isEqualTo(text(renderer.renderDecision(SampleDocuments.decision())));
        assertThat(text(notice)).isEqualTo(text(renderer.renderNotice(SampleDocuments.notice())));
        assertThat(flat(decision)).contains("罚款：人民币34,000.00元", "二〇二五年三月十日", "泉州市生态环境局");
        assertThat(verifier.verify(decision).valid()).isTrue();
        assertThat(verifier.verify(notice).valid()).isTrue();
        assertThat(verifier.verify(notice).signingTime()).isEqualTo(Instant.parse("2025-03-10T02:00:00Z"));
    }

    @Test
    void shouldUseAnAgencyTemplateFromADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(DocumentTemplates.NOTICE_FILE), """
                @title 信用修复告知书（厦门版）
                @subtitle ${documentNumber}
                @text ${party.name}：请于${earliestApplicationDate}以后申请修复。咨询：${agency.contact}
                @sign ${agency.name}
                @sign ${issueDate}
                """);
        DocumentRenderer custom = new DocumentRenderer(font, DocumentTemplates.withOverrides(dir), SampleDocuments.agency());

        String notice = flat(custom.renderNotice(SampleDocuments.notice()));
        String decision = flat(custom.renderDecision(SampleDocuments.decision()));

        assertThat(notice).contains("信用修复告知书（厦门版）", "泉州某某化工有限公司：请于2025年6月11日以后申请修复。咨询：0595-22500000（法规科）");
        assertThat(notice).doesNotContain("企业环境信用信息修复权益告知书");
        assertThat(decision).contains("行政处罚决定书", "申请行政复议"); // no override: the built-in one
    }

    @Test
    void shouldRefuseATemplateWithAnUnknownPlaceholderWhenLoading(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(DocumentTemplates.DECISION_FILE), """
                @title 行政处罚决定书
                @kv 当事人 | ${party.name}
                @kv 罚款 | ${fineAmount}
                """);

        assertThatThrownBy(() -> DocumentTemplates.withOverrides(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(DocumentTemplates.DECISION_FILE)
                .hasMessageContaining("line 3")
                .hasMessageContaining("${fineAmount}");
    }

    @Test
    void shouldRefuseAnUnknownFieldOfAListItem() {
        assertThatThrownBy(() -> DocumentTemplates.of("""
                @title 决定书
                @each penalties as p
                @kv ${p.type} | ${p.amount}
                @end
                """, "@title 告知书"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("${p.type}");
    }

    @Test
    void shouldRefuseAnUnclosedBlockAndAnUnknownDirective() {
        assertThatThrownBy(() -> DocumentTemplates.of("@title 决定书\n@if discretionStatement\n@p x", "@title 告知书"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no @end");
        assertThatThrownBy(() -> DocumentTemplates.of("@title 决定书\n@table x", "@title 告知书"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("@table");
    }

    @Test
    void shouldFailWithTheInstallCommandWhenTheFontIsMissing() {
        assertThatThrownBy(() -> CjkFont.load(Path.of("/nonexistent/wqy-microhei.ttc")))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("apt-get install fonts-arphic-uming fonts-wqy-microhei");
    }

    @Test
    void shouldPrintSeveralPenaltiesWithAndWithoutAmount() throws IOException {
        PenaltyDecisionDocument base = SampleDocuments.decision();
        PenaltyDecisionDocument two = new PenaltyDecisionDocument(base.documentNumber(), base.caseNumber(), base.party(),
                base.facts(), base.evidence(), base.violatedProvision(), base.penaltyBasisProvision(),
                List.of(new PenaltyDecisionDocument.Penalty("警告", null, "予以警告"),
                        new PenaltyDecisionDocument.Penalty("罚款", new BigDecimal("1234567.5"), null)),
                base.performance(), base.remedies(), base.discretionStatement(), base.publicityNotice(),
                base.issuingAgency(), base.decisionDate());

        String text = flat(renderer.renderDecision(two));

        assertThat(text).contains("警告：予以警告", "罚款：人民币1,234,567.50元");
    }

    @Test
    void shouldPrintARedMastheadAndSeparatorAndDrawTheDevelopmentSealOverTheDateWithoutAddingText() throws IOException {
        byte[] pdf = renderer.renderDecision(SampleDocuments.decision());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String first = new String(doc.getPage(0).getContents().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            // the red separator (a stroked rule in red) and red text for the 版头, before the first black text
            assertThat(first).contains("0.85 0.08 0.1 RG 1.4 w").contains("0.85 0.08 0.1 rg");
            PDPage last = doc.getPage(doc.getNumberOfPages() - 1);
            var seal = last.getResources().getXObject(COSName.getPDFName("Seal"));
            assertThat(seal).isInstanceOf(org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject.class);
            String drawing = new String(((org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) seal).getContents()
                    .readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(drawing).contains(" c\n").contains("f\n").doesNotContain("Tj"); // outlines, not text
            for (int p = 0; p < doc.getNumberOfPages() - 1; p++) {
                assertThat(doc.getPage(p).getResources().getXObject(COSName.getPDFName("Seal"))).isNull();
            }
        }
        String text = text(pdf);
        assertThat(text).doesNotContain("开发用").contains("泉州市生态环境局\n泉环罚〔2025〕12号\n行政处罚决定书");
    }
}

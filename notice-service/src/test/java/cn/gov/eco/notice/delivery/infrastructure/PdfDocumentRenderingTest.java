package cn.gov.eco.notice.delivery.infrastructure;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.gov.eco.notice.NoticeProperties;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.document.AgencyProfile;
import cn.gov.eco.notice.document.CjkFont;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.notice.document.DocumentTemplates;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.publicity.ClassificationRules;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.PublicityDateRules;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.PublicityPlan;
import cn.gov.eco.platform.publicity.SeverityTier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service prints from a PenaltyDecided and its publicity plan (DOMAIN.md §0.2, §8.6). */
class PdfDocumentRenderingTest {

    private static final NoticeProperties.Agency AGENCY = new NoticeProperties.Agency("泉州市生态环境局", "", "",
            "泉州市人民政府", "有管辖权的人民法院", List.of("信用中国（www.creditchina.gov.cn）"),
            "登录“信用中国”网站（www.creditchina.gov.cn）“信用修复”栏目或者“信用中国（福建）”网站在线申请，也可以到本机关办事窗口提交书面申请",
            "本机关自收到申请之日起3个工作日内决定是否受理；自受理之日起7个工作日内作出决定，情况复杂的，可以延长10个工作日",
            "本行政处罚信息将依据《福建省企业环境信用动态评价实施方案（试行）》计入你单位环境信用动态评价。");
    private static PdfDocumentRendering rendering;
    private static PublicityClassifier classifier;
    private static PublicityPlan plan;

    @BeforeAll
    static void renderer() {
        DocumentRenderer renderer = new DocumentRenderer(CjkFont.loadDefault(), DocumentTemplates.classpathDefaults(),
                new AgencyProfile(AGENCY.name(), "", "", AGENCY.publicityPlatforms()));
        rendering = new PdfDocumentRendering(renderer, AGENCY);
        classifier = new PublicityClassifier(new PublicityPeriods(WorkingDayCalendar.stateCouncil(),
                PublicityDateRules.defaults(), false), new ClassificationRules(null, null, null), false);
        plan = carried(null).plan();
    }

    private static ClassifiedPlan carried(NonRepairableDesignation designation) {
        return classifier.classify(SeverityTier.GENERAL, List.of("FINE"), LocalDate.of(2026, 5, 6), designation);
    }

    private static PenaltyDecidedMessage decided(String caseNumber) {
        return new PenaltyDecidedMessage("0b7c2f4e-0000-4000-8000-000000000001", "d-1", "泉环罚〔2026〕7号",
                LocalDate.of(2026, 5, 6),
                new PenaltyDecidedMessage.Enterprise("91350500MA2Y0001XX", "泉州市清源化工有限公司", "泉州市丰泽区清源路1号", "陈建国"),
                List.of(new PenaltyDecidedMessage.Penalty("FINE", "罚款", new BigDecimal("150000"), null)),
                new BigDecimal("150000"), "GENERAL", "事实", List.of("现场检查笔录"), "《中华人民共和国大气污染防治法》第四十八条",
                "《中华人民共和国大气污染防治法》第一百零八条第一项", null, "泉州市生态环境局", null, carried(null),
                caseNumber, "本机关于2026年4月1日告知你单位陈述、申辩和听证的权利，你单位未提出陈述、申辩，也未要求听证。",
                "责令你单位立即改正违法行为。");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("— \\d+ —", "").replaceAll("[\\s&&[^\u3000]]+", "");
        }
    }

    @Test
    void shouldPrintTheAgencysCaseNumberStatementsAndRectificationOrderButNeverTheCaseIdOrAnInventedPaymentCode()
            throws IOException {
        DocumentRendering.RenderedPair pair = rendering.render(decided("泉环执〔2026〕立字第012号"), carried(null),
                "泉环罚〔2026〕7号-修复告知");
        String decision = text(pair.decisionPdf());

        assertThat(decision).contains("案件编号：泉环执〔2026〕立字第012号", "未提出陈述、申辩，也未要求听证",
                "责令你单位立即改正违法行为。", "二〇二六年五月六日");
        assertThat(decision).doesNotContain("0b7c2f4e", "缴款码", "联系方式：", "联系地址：");
    }

    @Test
    void shouldLeaveOutTheCaseNumberLineWhenTheAgencysNumberIsNotGiven() throws IOException {
        String decision = text(rendering.render(decided(null), carried(null), "n").decisionPdf());

        assertThat(decision).doesNotContain("案件编号", "0b7c2f4e");
    }

    @Test
    void shouldPrintTheNoticeAsOrder36AndTheProvincesSchemeSayWithDatesAsPeopleReadThem() throws IOException {
        String notice = text(rendering.render(decided(null), carried(null), "n").noticePdf());

        assertThat(notice).contains("信用中国（福建）", "本机关办事窗口", "3个工作日内决定是否受理", "延长10个工作日",
                "《福建省企业环境信用动态评价实施方案（试行）》", "符合法律、法规和国家有关规定的其他条件",
                "提供虚假材料、作出虚假承诺的，撤销信用修复决定，恢复公示相关失信信息，并依法依规处理");
        assertThat(notice).doesNotContain("闽执法", "3个工作日内同步", "工作日历", "2026-");
        // the derivation's sentence as the derivation gives it: its article, dates as people read them, no calendar
        // version
        String sentence = plan.earliestApplicationDate().explanationZh();
        assertThat(notice).contains(sentence.replaceAll("\\s", ""));
        assertThat(sentence).contains("2026年8月6日", "第36号")
                .doesNotContain(plan.earliestApplicationDate().derivation().calendarVersion());
    }

    @Test
    void shouldStateTheReasonInsteadOfTheApplicationWhenTheInformationCannotBeRepaired() throws IOException {
        ClassifiedPlan designated = carried(new NonRepairableDesignation("泉州市特定严重失信行为认定规则",
                "属于特定严重失信行为，公示期内不予修复"));
        String notice = text(rendering.render(decided(null), designated, "n").noticePdf());

        assertThat(notice).contains("该行政处罚信息在公示期内不予修复。理由：属于特定严重失信行为，公示期内不予修复")
                .doesNotContain("最早可申请日期", "申请渠道");
    }
}

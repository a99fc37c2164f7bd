package cn.gov.eco.notice.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Realistic test documents: a Quanzhou wastewater case and its repair-rights notice. */
final class SampleDocuments {

    static final String DECISION_NUMBER = "泉环罚〔2025〕12号";
    static final String NOTICE_NUMBER = "泉环罚〔2025〕12号-修复告知";
    static final String PARTY = "泉州某某化工有限公司";
    static final String USCC = "91350500MA2Y0001XX";
    static final String EARLIEST_EXPLANATION =
            "最短公示期三个月于2025年6月10日届满，自次日起可申请，申请前须缴清罚款并完成整改。";

    static final String FACTS = "2025年1月8日，本机关执法人员对你单位位于泉州市泉港区石化园区的生产厂区进行现场检查，"
            + "发现你单位废水总排口外排废水化学需氧量浓度为186毫克/升，超过《污水综合排放标准》（GB 8978-1996）"
            + "规定的一级标准限值100毫克/升，超标0.86倍。经调查，你单位污水处理设施中的生化池曝气风机于2025年1月5日"
            + "发生故障，你单位未及时维修，也未采取停产或者限产措施，导致超标废水经雨水管网排入外环境。";

    private SampleDocuments() {
    }

    static AgencyProfile agency() {
        return new AgencyProfile("泉州市生态环境局", "0595-22500000（法规科）", "福建省泉州市丰泽区东海街道通港西街1号",
                List.of("信用中国（www.creditchina.gov.cn）", "信用中国（福建）", "泉州市生态环境局门户网站"));
    }

    static PenaltyDecisionDocument decision() {
        return decision(FACTS);
    }

    static final String STATEMENTS = "本机关于2025年2月12日向你单位送达《行政处罚事先告知书》，告知拟作出行政处罚的事实、理由、依据"
            + "及你单位依法享有的陈述、申辩和要求听证的权利。你单位在法定期限内提出陈述申辩，称故障系突发；经复核，"
            + "你单位未及时维修且未采取限产措施的事实清楚，申辩理由不予采纳。你单位未要求听证。";

    /** The sample decision with the party's statements and hearing. */
    static PenaltyDecisionDocument decisionWithStatements() {
        PenaltyDecisionDocument d = decision();
        return new PenaltyDecisionDocument(d.documentNumber(), d.caseNumber(), d.party(), d.facts(), d.evidence(),
                d.violatedProvision(), d.penaltyBasisProvision(), d.penalties(), d.performance(), d.remedies(),
                d.discretionStatement(), STATEMENTS, d.publicityNotice(), d.issuingAgency(), d.decisionDate());
    }

    static PenaltyDecisionDocument decision(String facts) {
        return new PenaltyDecisionDocument(
                DECISION_NUMBER,
                "泉环执〔2025〕立字第031号",
                new PenaltyDecisionDocument.Party(PARTY, USCC, "福建省泉州市泉港区南埔镇石化园区8号", "张某某"),
                facts,
                List.of("现场检查（勘察）笔录一份", "泉州市环境监测站监测报告（泉环监〔2025〕第0108号）",
                        "调查询问笔录二份", "现场照片十二张", "营业执照复印件"),
                "《中华人民共和国水污染防治法》第十条",
                "《中华人民共和国水污染防治法》第八十三条第二项",
                List.of(new PenaltyDecisionDocument.Penalty("罚款", new BigDecimal("34000"), null)),
                new PenaltyDecisionDocument.Performance(
                        "通过福建省非税收入统一缴款平台或者指定代收银行缴纳，缴款码附后",
                        "自收到本决定书之日起十五日内",
                        null),
                PenaltyDecisionDocument.Remedies.statutory("泉州市人民政府", "泉州市丰泽区人民法院"),
                "鉴于你单位在调查期间主动停产整改、积极配合调查，依据《福建省生态环境行政处罚自由裁量基准》，对你单位从轻处罚。",
                "本决定将依法在泉州市生态环境局门户网站和信用中国网站公示。",
                "泉州市生态环境局",
                LocalDate.of(2025, 3, 10));
    }

    static RepairRightsNoticeDocument notice() {
        return notice(false);
    }

    static RepairRightsNoticeDocument notice(boolean nonRepairable) {
        return new RepairRightsNoticeDocument(
                NOTICE_NUMBER,
                DECISION_NUMBER,
                PARTY,
                USCC,
                "一般失信行为",
                "受到较大数额罚款的行政处罚（《信用修复管理办法》）",
                List.of(),
                LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 6, 10),
                LocalDate.of(2026, 3, 10),
                LocalDate.of(2025, 6, 11),
                EARLIEST_EXPLANATION,
                List.of("最短公示期已届满", "已履行行政处罚决定规定的义务，缴清罚款及加处罚款", "违法行为已纠正并经核查",
                        "作出信用承诺"),
                List.of("信用修复申请书", "信用承诺书", "履行行政处罚决定的证明材料（缴款凭证）", "整改完成的证明材料"),
                "登录信用中国网站（www.creditchina.gov.cn）“信用修复”栏目在线申请，或者通过闽政通App办理",
                "本机关自收到申请之日起3个工作日内决定是否受理，受理后7个工作日内作出决定；情况复杂的，可延长10个工作日。",
                "本次处罚将计入你单位环境信用动态评价；信用修复完成后，相应扣分依规恢复。",
                nonRepairable,
                nonRepairable ? "属于特定严重失信行为，公示期内不予修复" : null,
                null,
                "0595-22500000",
                "泉州市生态环境局",
                LocalDate.of(2025, 3, 10));
    }
}

package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.web.Violation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The deemed-delivery rules of the seven methods (《民事诉讼法》第八十七条至第九十五条、第二百八十三条, applied by
 * 《行政处罚法》第六十一条; DOMAIN.md §3): what each method's receipt must show, which date counts as the service,
 * and which method comes next when one fails.
 */
public final class ServiceRules {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ServiceRules() {
    }

    /**
     * What a paper receipt must record for its method to count. Every method's date must lie between the decision
     * date and today.
     */
    public static List<Violation> proofViolations(ServiceProof p, LocalDate decisionDate, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (p.method() == null) {
            v.add(new Violation("method", "REQUIRED", "请选择送达方式", "the method of service is required"));
            return v;
        }
        switch (p.method()) {
            case ELECTRONIC -> v.add(new Violation("method", "ARRIVAL_FROM_CHANNEL_ONLY",
                    "电子送达以送达信息到达受送达人特定系统的日期为送达日期，该时间只能来自送达平台，不能手工录入"
                            + "（《民事诉讼法》第九十条）",
                    "electronic service is effective on arrival at the addressee's system; that time comes from the "
                            + "channel and is never typed in (Civil Procedure Law Art. 90)"));
            case PUBLIC_NOTICE -> v.add(new Violation("method", "PUBLIC_NOTICE_SEPARATE",
                    "公告送达请通过公告登记办理", "record a public notice through the public-notice endpoint"));
            // 第八十七条、第八十八条: the addressee (for an organisation: legal representative, principal, receiving
            // clerk; or agent / designated recipient) signs and dates the 送达回证.
            case DIRECT -> {
                signer(p, v);
                evidence(p, v, "已签收的送达回证扫描件");
            }
            // 第八十九条: refusal recorded with a witness of the grassroots organisation or workplace, or the
            // leaving recorded by photo or video.
            case LEFT_WITH_WITNESS -> {
                required(v, "refusalReason", p.refusalReason(), "拒收事由");
                boolean witness = present(p.witnessName()) && present(p.witnessOrganisation());
                if (!witness && p.evidenceIds().isEmpty()) {
                    v.add(new Violation("witnessName", "WITNESS_OR_RECORDING_REQUIRED",
                            "留置送达须有基层组织或所在单位代表见证（姓名及单位），或以拍照、录像记录送达过程（《民事诉讼法》第八十九条）",
                            "leaving the documents needs a witness (name and organisation) or a photo/video record "
                                    + "(Civil Procedure Law Art. 89)"));
                }
            }
            // 第九十一条: entrusted service, the signing date on the 回证.
            case ENTRUSTED -> {
                required(v, "entrustedOrgan", p.entrustedOrgan(), "受委托机关");
                signer(p, v);
                evidence(p, v, "已签收的送达回证扫描件");
            }
            // 第九十一条: postal service, the receipt date on the return receipt (回执).
            case POSTAL -> {
                required(v, "trackingNumber", p.trackingNumber(), "邮件号码");
                evidence(p, v, "邮件回执扫描件");
            }
            // 第九十二条至第九十四条: forwarded through the unit, the signing date on the 回证.
            case FORWARDED -> {
                required(v, "forwardingInstitution", p.forwardingInstitution(), "转交单位");
                required(v, "signerName", p.signerName(), "签收人");
                evidence(p, v, "已签收的送达回证扫描件");
            }
        }
        dateBetween(v, "servedOn", p.servedOn(), decisionDate, today);
        return v;
    }

    /** The service date must exist, not precede the decision (DOMAIN.md §8.5.4) and not lie in the future. */
    public static void dateBetween(List<Violation> v, String field, LocalDate date, LocalDate decisionDate,
                                   LocalDate today) {
        if (date == null) {
            v.add(new Violation(field, "REQUIRED", "请填写送达日期", "the date is required"));
        } else if (date.isBefore(decisionDate)) {
            v.add(new Violation(field, "BEFORE_DECISION", "送达日期不能早于决定日期 " + decisionDate,
                    "the date cannot precede the decision date " + decisionDate));
        } else if (date.isAfter(today)) {
            v.add(new Violation(field, "IN_FUTURE", "送达日期不能晚于今天 " + today,
                    "the date cannot be after today " + today));
        }
    }

    /**
     * 第九十五条、第二百八十三条 (T20): a public notice is deemed served when 30 days (60 for a party with no domicile
     * in China) have passed since publication.
     */
    public static ExplainedDate publicNoticeDeemedServed(WorkingDayCalendar calendar, LocalDate publishedOn,
                                                         boolean domicileInChina) {
        var rule = domicileInChina ? StatutoryDateRules.T20_PUBLIC_NOTICE_SERVICE
                : StatutoryDateRules.T20_PUBLIC_NOTICE_SERVICE_NO_DOMICILE;
        return ExplainedDate.of(calendar.compute(rule, "发出公告", "the notice was published", publishedOn));
    }

    /**
     * The next lawful method after a failure [I]: a refusal without a witness → leave with a photo/video record
     * (第八十九条); an electronic address that does not work or a consent withdrawn → in person (第八十七条); nobody at
     * the address → post (第九十一条); post returned or the addressee not found → public notice, the last resort
     * (第九十五条).
     */
    public static ServiceMethod nextMethod(ServiceMethod failed, FailureReason reason) {
        return switch (reason) {
            case REFUSED_NO_WITNESS -> ServiceMethod.LEFT_WITH_WITNESS;
            case ELECTRONIC_UNDELIVERABLE, CONSENT_REVOKED -> ServiceMethod.DIRECT;
            case RETURNED -> ServiceMethod.PUBLIC_NOTICE;
            case UNREACHABLE -> failed == ServiceMethod.POSTAL ? ServiceMethod.PUBLIC_NOTICE : ServiceMethod.POSTAL;
        };
    }

    private static void signer(ServiceProof p, List<Violation> v) {
        required(v, "signerName", p.signerName(), "签收人");
        if (p.signerRole() == null) {
            v.add(new Violation("signerRole", "REQUIRED",
                    "请填写签收人身份：法定代表人、主要负责人、负责收件的人、代理人或代收人（《民事诉讼法》第八十八条）",
                    "the signer's capacity is required (Civil Procedure Law Art. 88)"));
        }
    }

    private static void evidence(ServiceProof p, List<Violation> v, String whatZh) {
        if (p.evidenceIds().isEmpty()) {
            v.add(new Violation("evidenceIds", "EVIDENCE_REQUIRED", "请上传" + whatZh,
                    "upload the scan of the signed receipt"));
        }
    }

    private static void required(List<Violation> v, String field, String value, String whatZh) {
        if (!present(value)) {
            v.add(new Violation(field, "REQUIRED", "请填写" + whatZh, field + " is required"));
        } else if (value.length() > 200) {
            v.add(new Violation(field, "TOO_LONG", whatZh + "不能超过200个字符", field + " is longer than 200 characters"));
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

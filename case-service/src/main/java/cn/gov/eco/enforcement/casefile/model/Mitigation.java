package cn.gov.eco.enforcement.casefile.model;

import java.math.BigDecimal;

/**
 * Discretion factors of a proposal (DOMAIN.md §2.1, 《福建省生态环境行政处罚裁量规则》): law study (主动学法) and a public
 * apology with a commitment (公开道歉承诺) lead to 从轻处罚 within the statutory range; 减轻处罚 below the statutory
 * minimum (行政处罚法 第三十二条) only when flagged with its legal basis.
 *
 * @param baseFine             the fine the discretion rules gave before the mitigating factors (e.g. 60,000), optional
 * @param belowMinimum         减轻处罚: the fine may go below the statutory minimum of the cited provision
 * @param belowMinimumBasis    the legal basis of 减轻处罚 (e.g. 《行政处罚法》第三十二条第一项), required with {@code belowMinimum}
 */
public record Mitigation(Boolean lawStudy, Boolean publicApology, BigDecimal baseFine, Boolean belowMinimum,
                         String belowMinimumBasis, String note) {

    /** An absent flag is not set. */
    public Mitigation {
        lawStudy = Boolean.TRUE.equals(lawStudy);
        publicApology = Boolean.TRUE.equals(publicApology);
        belowMinimum = Boolean.TRUE.equals(belowMinimum);
    }

    public static Mitigation none() {
        return new Mitigation(false, false, null, false, null, null);
    }
}

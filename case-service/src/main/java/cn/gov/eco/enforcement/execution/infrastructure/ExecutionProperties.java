package cn.gov.eco.enforcement.execution.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Settings of execution ({@code enforcement.execution.*}).
 *
 * @param surchargeDailyRate     加处罚款 per day: 3% by statute (行政处罚法 第七十二条) [V]; a setting only so that a law
 *                               change needs no release
 * @param surchargeRounding      how the surcharge total is rounded to the fen [I] (DOMAIN.md §8.5.2: "rounding rule
 *                               in config")
 * @param rectificationRequired  closure waits for a verified rectification (行政处罚法 第二十八条第一款 orders
 *                               责令改正 with every penalty) [I]
 * @param overdueSweepEnabled    whether the scheduled overdue check runs
 */
@ConfigurationProperties("enforcement.execution")
public record ExecutionProperties(@DefaultValue("0.03") BigDecimal surchargeDailyRate,
                                  @DefaultValue("HALF_UP") RoundingMode surchargeRounding,
                                  @DefaultValue("true") boolean rectificationRequired,
                                  @DefaultValue("true") boolean overdueSweepEnabled) {
}

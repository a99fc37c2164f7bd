package cn.gov.eco.credit.repair.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One payment towards a penalty decision as case-service reported it (FinePaid): a full payment or an instalment
 * (分期缴纳, 《行政处罚法》第六十六条), with what was still owed afterwards — fine and late-payment surcharge together
 * (第七十二条).
 */
public record Payment(String paymentId, LocalDate paidDate, BigDecimal totalPaid, BigDecimal outstanding,
                      boolean fullyPaid, Integer instalment) {
}

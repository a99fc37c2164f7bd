package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;

/**
 * One amount owed by a date: the whole fine (instalment {@code null}) or one approved instalment (分期缴纳,
 * 行政处罚法 第六十六条), with its due date as computed and explained.
 */
public record Due(Integer instalment, BigDecimal amount, ExplainedDate dueDate) {
}

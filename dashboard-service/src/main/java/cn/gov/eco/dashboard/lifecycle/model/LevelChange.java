package cn.gov.eco.dashboard.lifecycle.model;

import java.time.LocalDate;

/** A change of an enterprise's environmental credit level (信用等级) or supervision tier (监管等级). */
public record LevelChange(String eventId, String uscc, String kind, String from, String to, LocalDate changedOn, String reasonZh) {

    public static final String LEVEL = "LEVEL";
    public static final String TIER = "TIER";
}

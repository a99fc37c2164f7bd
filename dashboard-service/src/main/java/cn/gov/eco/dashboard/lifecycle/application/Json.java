package cn.gov.eco.dashboard.lifecycle.application;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Tolerant reads of an event payload: a missing, null or malformed optional field is null, never an exception. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    static LocalDate date(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isObject()) {
            // an explained date (ExplainedDate): {"date": ..., "explanationZh": ...}
            v = v.get("date");
        }
        if (v == null || v.isNull() || !v.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal money(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s == null ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }
}

package cn.gov.eco.dashboard.lifecycle.application;

/**
 * A CloudEvent read from a public topic, reduced to what the dashboard folds: its id (stable across redelivery),
 * its catalogue type name (e.g. {@code PenaltyDecided}), the record key and the JSON payload.
 */
public record ObservedEvent(String eventId, String typeName, String key, String payloadJson) {
}

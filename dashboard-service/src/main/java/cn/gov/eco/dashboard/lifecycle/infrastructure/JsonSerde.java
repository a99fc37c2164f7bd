package cn.gov.eco.dashboard.lifecycle.infrastructure;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** JSON bytes for the state stores, their changelogs and the repartition topic (all the dashboard's own). */
final class JsonSerde<T> implements Serde<T> {

    private final JsonMapper json;
    private final Class<T> type;

    JsonSerde(JsonMapper json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : json.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : json.readValue(bytes, type);
    }
}

package dev.shingi.deliberation.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.shingi.deliberation.api.DeliberationEvent;

/** JSON for the projections' own copies of events and list columns (not the event store's format). */
final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    static DeliberationEvent read(String simpleName, JsonNode payload) {
        try {
            Class<?> type = Class.forName(DeliberationEvent.class.getPackageName() + "." + simpleName);
            return (DeliberationEvent) MAPPER.treeToValue(payload, type);
        } catch (ClassNotFoundException | java.io.IOException e) {
            throw new IllegalStateException("Cannot read stored " + simpleName, e);
        }
    }
}

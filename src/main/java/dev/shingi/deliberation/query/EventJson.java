package dev.shingi.deliberation.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.shingi.deliberation.api.CommentSource;
import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.deliberation.api.Phrase;

/** JSON for the projections' own copies of events and the views' JSON columns (not the event store's format). */
final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    /** A view's JSON column: a list, or a timeline sentence ({@code timeline_v.wording}). */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A timeline sentence as stored, or null for a row stored without one. */
    static Phrase phrase(String json) {
        try {
            return json == null ? null : MAPPER.readValue(json, Phrase.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored timeline sentence", e);
        }
    }

    /** An imported comment's source as {@code comment_v.source} keeps it, or null for a comment not imported. */
    static CommentSource source(String json) {
        try {
            return json == null ? null : MAPPER.readValue(json, CommentSource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored comment source", e);
        }
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

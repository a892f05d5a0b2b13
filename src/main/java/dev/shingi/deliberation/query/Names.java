package dev.shingi.deliberation.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Participants' display names for the timeline's sentences. A name, once registered, never changes. */
@Component
class Names {
    private final JdbcTemplate jdbc;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    Names(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Function<String, String> of(String deliberationId) {
        return participantId -> {
            String name = known.computeIfAbsent(deliberationId + '\u0000' + participantId, k -> {
                List<String> found = jdbc.queryForList(
                        "SELECT name FROM participant_v WHERE deliberation_id = ? AND participant_id = ?", String.class,
                        deliberationId, participantId);
                return found.isEmpty() ? null : found.get(0);
            });
            return name != null ? name : participantId;
        };
    }

    void forget() {
        known.clear();
    }
}

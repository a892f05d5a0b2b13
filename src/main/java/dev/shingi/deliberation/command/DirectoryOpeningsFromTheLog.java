package dev.shingi.deliberation.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.deliberation.api.DeliberationOpened;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Fills {@code directory_deliberation.opened_at} (V18) for a ledger recorded before it existed, from every stored
 * {@link DeliberationOpened}: its {@code occurredAt} is in every revision of the event, and no event changes it.
 */
@Component
class DirectoryOpeningsFromTheLog extends FillFromTheLog {

    DirectoryOpeningsFromTheLog() {
        super("18.1", "directory openings from the log", DeliberationOpened.class,
                "UPDATE directory_deliberation SET opened_at = ? WHERE deliberation_id = ?");
    }

    @Override
    void bind(JsonNode event, PreparedStatement write) throws SQLException {
        write.setLong(1, Instant.parse(event.path("occurredAt").asText()).toEpochMilli());
        write.setString(2, event.path("deliberationId").asText());
    }
}

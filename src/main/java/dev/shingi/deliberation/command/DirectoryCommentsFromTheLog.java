package dev.shingi.deliberation.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.deliberation.api.CommentRaised;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Fills {@code directory_comment} (V16) for a ledger recorded before it existed, from every stored
 * {@link CommentRaised}. Its deliberation, comment id and reference are in every revision of the event, and
 * corrections never change them.
 */
@Component
class DirectoryCommentsFromTheLog extends FillFromTheLog {

    DirectoryCommentsFromTheLog() {
        super("16.1", "directory comments from the log", CommentRaised.class,
                "INSERT INTO directory_comment (comment_id, deliberation_id, reference) VALUES (?, ?, ?)");
    }

    @Override
    void bind(JsonNode event, PreparedStatement write) throws SQLException {
        write.setString(1, event.path("commentId").asText());
        write.setString(2, event.path("deliberationId").asText());
        write.setString(3, event.path("reference").asText());
    }
}

package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentRegister;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link CommentRegister} in {@code directory_comment}, written by the directory's subscribing processor in the
 * transaction of the comment's own {@code CommentRaised}. A comment never changes deliberation or reference, so
 * answers are cached per node once found.
 */
@Component
@ProcessingGroup(Directory.PROCESSING_GROUP)
class RegisteredComments implements CommentRegister {
    private final JdbcTemplate jdbc;
    private final Map<String, String> deliberations = new ConcurrentHashMap<>();

    RegisteredComments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommentRaised e) {
        jdbc.update("INSERT INTO directory_comment (comment_id, deliberation_id, reference) VALUES (?, ?, ?)",
                e.commentId(), e.deliberationId(), e.reference());
    }

    @Override
    public Optional<String> deliberationOf(String commentId) {
        if (commentId == null) {
            return Optional.empty();
        }
        String cached = deliberations.get(commentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<String> found = jdbc.queryForList(
                "SELECT deliberation_id FROM directory_comment WHERE comment_id = ?", String.class, commentId);
        found.forEach(d -> AfterCommit.cache(() -> deliberations.put(commentId, d)));
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> commentByReference(String deliberationId, String reference) {
        return jdbc.queryForList("SELECT comment_id FROM directory_comment WHERE deliberation_id = ? AND reference = ?",
                String.class, deliberationId, reference).stream().findFirst();
    }

    /** Every comment of a deliberation, in the order they were raised (for the readiness gate of a revision). */
    List<String> commentsOf(String deliberationId) {
        return jdbc.queryForList("SELECT comment_id FROM directory_comment WHERE deliberation_id = ? ORDER BY comment_id",
                String.class, deliberationId);
    }
}

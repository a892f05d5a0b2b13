package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.FindComments;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** A deliberation's comments as of a moment, by number ({@link FindComments}). */
@Component
class CommentsQueries {

    private final ViewRows rows;

    CommentsQueries(ViewRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    List<CommentSummary> handle(FindComments query) {
        rows.requireDeliberation(query.deliberationId());
        return rows.comments("deliberation_id = ?", query.deliberationId(), query.asOf());
    }
}

package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.M1;
import static dev.shingi.deliberation.query.ViewsFixture.M2;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A deliberation's comments by number, each with its status as of both clocks. */
class CommentsQueriesTest {

    final ViewsFixture fixture = new ViewsFixture();

    /** #2 is recorded before #1 (positions 6 and 7); #1 is answered (8), #2 withdrawn (9). */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(3));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.respond("c1", "r1", Disposition.ANSWERED, day(4));
        fixture.record(new CommentWithdrawn(D, "c2", "m2", "no longer relevant", day(5)));
    }

    List<CommentSummary> comments(Instant at, long position) {
        return fixture.queries.comments().handle(new FindComments(D, new AsOf(at, position)));
    }

    @Test
    void listsTheCommentsByNumberNotByWhenTheyWereRecorded() {
        assertThat(comments(day(60), ALL)).containsExactly(
                new CommentSummary("c1", "#1", D, M1, 1, Anchor.page(1), "p.1", CommentKind.CHANGE_REQUEST,
                        "text of c1", null, CommentStatus.ANSWERED, true, day(2), recordedAt(7)),
                new CommentSummary("c2", "#2", D, M2, 1, Anchor.page(2), "p.2", CommentKind.QUESTION,
                        "text of c2", null, CommentStatus.WITHDRAWN, true, day(3), recordedAt(6)));
    }

    @Test
    void eachCommentHasTheStatusItHadAtTheOccurredTime() {
        assertThat(comments(day(2).minusMillis(1), ALL)).isEmpty();
        assertThat(comments(day(2), ALL)).extracting(CommentSummary::commentId, CommentSummary::status)
                .containsExactly(tuple("c1", CommentStatus.OPEN));
        assertThat(comments(day(4).minusMillis(1), ALL)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.OPEN, CommentStatus.OPEN);
        assertThat(comments(day(4), ALL)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.ANSWERED, CommentStatus.OPEN);
        assertThat(comments(day(5), ALL)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.ANSWERED, CommentStatus.WITHDRAWN);
    }

    @Test
    void eachCommentHasTheStatusTheLedgerKnewAtALogPosition() {
        assertThat(comments(day(60), 5)).isEmpty();
        // #1 was recorded at 7: known up to 6, the ledger had #2 alone
        assertThat(ViewsFixture.ids(comments(day(60), 6))).containsExactly("c2");
        assertThat(comments(day(60), 7)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.OPEN, CommentStatus.OPEN);
        assertThat(comments(day(60), 8)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.ANSWERED, CommentStatus.OPEN);
        assertThat(comments(day(60), 9)).extracting(CommentSummary::status)
                .containsExactly(CommentStatus.ANSWERED, CommentStatus.WITHDRAWN);
    }

    @Test
    void anUnknownDeliberationIsRefusedButAKnownOneBeforeItOpenedHasNoComments() {
        assertThatThrownBy(() -> fixture.queries.comments().handle(new FindComments("nope", new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
        assertThat(comments(day(-1), ALL)).isEmpty();
        assertThat(comments(day(60), 0)).isEmpty();
    }
}

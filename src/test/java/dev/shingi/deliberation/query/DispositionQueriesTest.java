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
import static dev.shingi.deliberation.query.ViewsFixture.S1;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The disposition table of a range of draft versions: each comment with its responses and their commitments. */
class DispositionQueriesTest {

    final ViewsFixture fixture = new ViewsFixture();

    /**
     * #1 and #2 on v1 (6, 7); #1 answered (8) with #1.1 (9), which v2 (10) keeps (11); #3 on v2 (12) answered (13) by
     * a response of the same id as #1's.
     */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(2));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(3));
        fixture.commit("c1", "r1", "k1", "#1.1", null, day(3));
        fixture.fulfil(2, "c1", "k1", day(10));
        fixture.raise("c3", 3, "m1", 2, CommentKind.EDITORIAL, day(11));
        fixture.respond("c3", "r1", Disposition.NOTED, day(12));
    }

    List<DispositionEntry> disposition(Integer from, Integer to, Instant at, long position) {
        return fixture.queries.disposition().handle(new FindDisposition(D, from, to, new AsOf(at, position)));
    }

    static List<String> ids(List<DispositionEntry> entries) {
        return entries.stream().map(e -> e.comment().commentId()).toList();
    }

    @Test
    void theCommentsOnOneVersionWithTheirResponsesAndWhereTheirCommitmentsWereKept() {
        // the commitment was made on April 4th in Tokyo, 57 days before May 31st; v2 kept it
        CommitmentSummary kept = new CommitmentSummary("k1", "#1.1", "c1", "#1", "r1", CommitmentKind.REVISE_DRAFT,
                "do k1", S1, null, false, 57, CommitmentStatus.FULFILLED, 2, new Location(3, null, null), null, day(3),
                recordedAt(9), day(10));
        assertThat(disposition(1, 1, day(60), ALL)).containsExactly(
                new DispositionEntry(new CommentSummary("c1", "#1", D, M1, 1, Anchor.page(1), "p.1",
                        CommentKind.CHANGE_REQUEST, "text of c1", null, CommentStatus.RESOLVED, true, day(2),
                        recordedAt(6)), List.of(new ResponseDetail("r1", S1, Disposition.ACCEPTED, "answer r1",
                        List.of(kept), day(3), recordedAt(8)))),
                new DispositionEntry(new CommentSummary("c2", "#2", D, M2, 1, Anchor.page(2), "p.2",
                        CommentKind.QUESTION, "text of c2", null, CommentStatus.OPEN, true, day(2), recordedAt(7)),
                        List.of()));
    }

    @Test
    void aRangeBoundLeftOpenTakesEveryVersionOnThatSide() {
        assertThat(ids(disposition(null, null, day(60), ALL))).containsExactly("c1", "c2", "c3");
        assertThat(ids(disposition(null, 1, day(60), ALL))).containsExactly("c1", "c2");
        assertThat(ids(disposition(2, null, day(60), ALL))).containsExactly("c3");
        // #3's response shares #1's response id, not its commitment
        assertThat(disposition(2, 2, day(60), ALL)).singleElement().satisfies(e -> assertThat(e.responses())
                .containsExactly(new ResponseDetail("r1", S1, Disposition.NOTED, "answer r1", List.of(), day(12),
                        recordedAt(13))));
    }

    @Test
    void asOfBothClocks() {
        // before v2 kept it, the commitment was open and #1 awaited it
        DispositionEntry awaiting = disposition(1, 1, day(10).minusMillis(1), ALL).get(0);
        assertThat(awaiting.comment().status()).isEqualTo(CommentStatus.AWAITING);
        assertThat(awaiting.responses().get(0).commitments()).extracting(CommitmentSummary::status,
                CommitmentSummary::fulfilledInVersion).containsExactly(tuple(CommitmentStatus.OPEN, null));
        // v2 known (10), its fulfilment not yet (11)
        assertThat(disposition(1, 2, day(60), 10).get(0).responses().get(0).commitments())
                .extracting(CommitmentSummary::status).containsExactly(CommitmentStatus.OPEN);
        // known up to #1 (6): #2 and every response unknown
        assertThat(disposition(1, 1, day(60), 6)).singleElement().satisfies(e -> {
            assertThat(e.comment().commentId()).isEqualTo("c1");
            assertThat(e.responses()).isEmpty();
        });
    }

    @Test
    void aBoundMustNameAVersionThatExistsByThenOnBothClocks() {
        assertThatThrownBy(() -> disposition(1, 5, day(60), ALL))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("version"))
                .hasMessage("Deliberation 'views' has no version 5 as of 2024-05-31T00:00:00Z.");
        assertThatThrownBy(() -> disposition(2, null, day(10).minusMillis(1), ALL))
                .isInstanceOf(UnknownRecord.class)
                .hasMessage("Deliberation 'views' has no version 2 as of 2024-04-10T23:59:59.999Z.");
        assertThatThrownBy(() -> disposition(null, 2, day(60), 9))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThatThrownBy(() -> fixture.queries.disposition().handle(new FindDisposition("nope", null, null,
                new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
    }
}

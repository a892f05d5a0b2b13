package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.S1;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A deliberation's draft versions: each with the commitments it kept and the number of comments raised on it. */
class VersionsQueriesTest {

    static final Location FOOTNOTE = new Location(null, "5", "Intro");
    static final FulfilledCommitment KEPT_IN_V2 = new FulfilledCommitment("k1", "#1.1", "c1", "#1", "do k1",
            new Location(3, null, null));
    static final FulfilledCommitment KEPT_IN_V3 = new FulfilledCommitment("k2", "#1.2", "c1", "#1", "do k2", FOOTNOTE);
    static final VersionSummary V1 = new VersionSummary(1, false, null, "Draft 1", "M-1", 10, null, List.of(), null,
            false, null, List.of(), List.of(), 2, day(1), recordedAt(5), null);
    final ViewsFixture fixture = new ViewsFixture();

    /**
     * v1 (5) with #1 and #2 (6, 7); #1 answered (8) with #1.1 and #1.2 (9, 10); v2 (11) keeps #1.1 (12); #3 on v2 (13);
     * the illustrative v3 (14) keeps #1.2 (15).
     */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(2));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(3));
        fixture.commit("c1", "r1", "k1", "#1.1", null, day(3));
        fixture.commit("c1", "r1", "k2", "#1.2", null, day(3));
        fixture.fulfil(2, "c1", "k1", day(10));
        fixture.raise("c3", 3, "m1", 2, CommentKind.EDITORIAL, day(11));
        fixture.record(new RevisionCommitted(D, 3, 2, "Draft 3", null, null, "example", List.of(),
                List.of(new Fulfilment("c1", "k2", FOOTNOTE)), "s1", true, day(12), null,
                new ReadinessOverride("an example while #2 waits")));
        fixture.record(new CommitmentFulfilled(D, "c1", "k2", 3, FOOTNOTE, day(12)));
    }

    List<VersionSummary> versions(Instant at, long position) {
        return fixture.queries.versions().handle(new FindVersions(D, new AsOf(at, position)));
    }

    @Test
    void eachVersionWithWhatItKeptAndTheCommentsRaisedOnIt() {
        assertThat(versions(day(60), ALL)).containsExactly(V1,
                new VersionSummary(2, true, 1, "Draft 2", null, null, "revised", List.of("reworded"), S1, false, null,
                        List.of(KEPT_IN_V2), List.of("#1"), 1, day(10), recordedAt(11), null),
                new VersionSummary(3, true, 2, "Draft 3", null, null, "example", List.of(), S1, true,
                        VersionsQueries.ILLUSTRATIVE_LABEL, List.of(KEPT_IN_V3), List.of("#1"), 0, day(12),
                        recordedAt(14), "an example while #2 waits"));
    }

    @Test
    void theVersionsThatHadBeenPublishedByAnOccurredTime() {
        assertThat(versions(day(1).minusMillis(1), ALL)).isEmpty();
        assertThat(versions(day(2).minusMillis(1), ALL)).extracting(VersionSummary::version,
                VersionSummary::commentsRaised).containsExactly(tuple(1, 0));
        assertThat(versions(day(10).minusMillis(1), ALL)).containsExactly(V1);
        List<VersionSummary> second = versions(day(10), ALL);
        assertThat(second).extracting(VersionSummary::version).containsExactly(1, 2);
        assertThat(second.get(1).fulfilled()).containsExactly(KEPT_IN_V2);
        assertThat(second.get(1).commentsRaised()).isZero();
        assertThat(versions(day(11), ALL).get(1).commentsRaised()).isEqualTo(1);
    }

    @Test
    void aVersionKnownBeforeTheFulfilmentOfItsCommitmentKeptNothingYet() {
        List<VersionSummary> committed = versions(day(60), 11);
        assertThat(committed).extracting(VersionSummary::version).containsExactly(1, 2);
        assertThat(committed.get(1).fulfilled()).isEmpty();
        assertThat(committed.get(1).commentsAddressed()).isEmpty();
        assertThat(versions(day(60), 12).get(1).fulfilled()).containsExactly(KEPT_IN_V2);
        // v1 known (5) before any comment on it (6)
        assertThat(versions(day(60), 5)).extracting(VersionSummary::commentsRaised).containsExactly(0);
        assertThat(versions(day(60), 4)).isEmpty();
    }

    @Test
    void anUnknownDeliberationIsRefused() {
        assertThatThrownBy(() -> fixture.queries.versions().handle(new FindVersions("nope", new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
    }
}

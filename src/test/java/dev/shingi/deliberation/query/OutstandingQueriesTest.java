package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.S1;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.ids;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is outstanding as of both clocks, found through the interval trees: the open comments that need a response
 * (not remarks) and the open commitments, in reference order.
 */
class OutstandingQueriesTest {

    static final LocalDate DUE = LocalDate.parse("2024-04-20");
    final ViewsFixture fixture = new ViewsFixture();

    /**
     * #1 a change request (6), #2 a remark (7), #3 a question (8); #1 answered (9) with #1.2 (10) and #1.1 (11, due
     * April 20th); #3 answered (12); v2 (13) fulfils #1.1 (14).
     */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.REMARK, day(2));
        fixture.raise("c3", 3, "m2", CommentKind.QUESTION, day(3));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(4));
        fixture.commit("c1", "r1", "k2", "#1.2", null, day(4));
        fixture.commit("c1", "r1", "k1", "#1.1", DUE, day(4));
        fixture.respond("c3", "r1", Disposition.ANSWERED, day(5));
        fixture.fulfil(2, "c1", "k1", day(25));
    }

    Outstanding outstanding(Instant at, long position) {
        return fixture.queries.outstanding().handle(new FindOutstanding(D, new AsOf(at, position)));
    }

    @Test
    void atTheEndOnlyTheCommitmentNoVersionKeptIsOutstanding() {
        Outstanding now = outstanding(day(60), ALL);
        assertThat(now.comments()).isEmpty();
        // made on April 5th in Tokyo, asked on May 31st there: 56 days old
        assertThat(now.commitments()).containsExactly(new CommitmentSummary("k2", "#1.2", "c1", "#1", "r1",
                CommitmentKind.REVISE_DRAFT, "do k2", S1, null, false, 56, CommitmentStatus.OPEN, null, null, null,
                day(4), recordedAt(10), null));
    }

    @Test
    void followsTheOccurredClock() {
        assertThat(ids(outstanding(day(2).minusMillis(1), ALL).comments())).isEmpty();
        // the remark #2 never needs a response
        assertThat(ids(outstanding(day(2), ALL).comments())).containsExactly("c1");
        assertThat(ids(outstanding(day(4).minusMillis(1), ALL).comments())).containsExactly("c1", "c3");
        assertThat(outstanding(day(4).minusMillis(1), ALL).commitments()).isEmpty();

        Outstanding answered = outstanding(day(4), ALL);
        assertThat(ids(answered.comments())).containsExactly("c3");
        assertThat(answered.commitments()).extracting(CommitmentSummary::reference).containsExactly("#1.1", "#1.2");

        assertThat(ids(outstanding(day(5), ALL).comments())).isEmpty();
        assertThat(outstanding(day(25).minusMillis(1), ALL).commitments()).extracting(CommitmentSummary::commitmentId)
                .containsExactly("k1", "k2");
        assertThat(outstanding(day(25), ALL).commitments()).extracting(CommitmentSummary::commitmentId)
                .containsExactly("k2");
    }

    @Test
    void aCommitmentIsOverdueFromTheDayAfterItsDueDateUntilItIsKept() {
        // April 20th 23:59 in Tokyo: due today, not overdue
        CommitmentSummary onTheDay = outstanding(Instant.parse("2024-04-20T14:59:00Z"), ALL).commitments().get(0);
        assertThat(onTheDay.commitmentId()).isEqualTo("k1");
        assertThat(onTheDay.dueDate()).isEqualTo(DUE);
        assertThat(onTheDay.overdue()).isFalse();
        assertThat(onTheDay.ageDays()).isEqualTo(15);

        CommitmentSummary late = outstanding(Instant.parse("2024-04-20T15:00:00Z"), ALL).commitments().get(0);
        assertThat(late.commitmentId()).isEqualTo("k1");
        assertThat(late.overdue()).isTrue();
        assertThat(late.ageDays()).isEqualTo(16);
    }

    @Test
    void followsTheKnowledgeClock() {
        // long after everything occurred, known up to #3 (8): all three comments raised, none answered
        assertThat(ids(outstanding(day(60), 8).comments())).containsExactly("c1", "c3");
        // the answer to #1 known (9), not yet its commitments: #1 is answered, nothing is owed
        Outstanding answeredOnly = outstanding(day(60), 9);
        assertThat(ids(answeredOnly.comments())).containsExactly("c3");
        assertThat(answeredOnly.commitments()).isEmpty();
        assertThat(outstanding(day(60), 10).commitments()).extracting(CommitmentSummary::commitmentId)
                .containsExactly("k2");
        assertThat(ids(outstanding(day(60), 11).comments())).containsExactly("c3");
        assertThat(ids(outstanding(day(60), 12).comments())).isEmpty();
        // v2 committed (13) before the fulfilment was recorded (14)
        assertThat(outstanding(day(60), 13).commitments()).extracting(CommitmentSummary::commitmentId)
                .containsExactly("k1", "k2");
        assertThat(outstanding(day(60), 14).commitments()).extracting(CommitmentSummary::commitmentId)
                .containsExactly("k2");
    }

    @Test
    void bothClocksAtOnceAndAnUnknownDeliberation() {
        // #3 answered on day 5, recorded at 12: outstanding on day 5 for what the ledger knew at 11, not at 12
        assertThat(ids(outstanding(day(5), 11).comments())).containsExactly("c3");
        assertThat(ids(outstanding(day(5), 12).comments())).isEmpty();
        assertThat(ids(outstanding(day(5).minusMillis(1), 12).comments())).containsExactly("c3");

        assertThatThrownBy(() -> fixture.queries.outstanding().handle(new FindOutstanding("nope",
                new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
    }
}

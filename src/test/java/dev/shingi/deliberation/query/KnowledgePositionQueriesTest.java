package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.FindKnowledgePosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge clock read from the ledger's clock: the last log position recorded at or before an instant. */
class KnowledgePositionQueriesTest {

    final ViewsFixture fixture = new ViewsFixture();

    long knownAt(Instant instant) {
        return fixture.queries.knowledge().handle(new FindKnowledgePosition(instant));
    }

    @Test
    void nothingRecordedIsPositionZero() {
        assertThat(knownAt(recordedAt(1000))).isZero();
    }

    @Test
    void theLastPositionRecordedAtOrBeforeTheInstant() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.QUESTION, day(2));

        assertThat(knownAt(recordedAt(1).minusMillis(1))).isZero();
        assertThat(knownAt(recordedAt(1))).isEqualTo(1);
        assertThat(knownAt(recordedAt(5).minusMillis(1))).isEqualTo(4);
        assertThat(knownAt(recordedAt(5))).isEqualTo(5);
        // a comment's event is on the ledger's clock too
        assertThat(knownAt(recordedAt(6))).isEqualTo(6);
        assertThat(knownAt(recordedAt(1000))).isEqualTo(6);
    }

    @Test
    void readsTheRecordedClockNotTheOccurredOne() {
        // occurred in 2024, recorded from 2025 on: knowing at any instant of 2024 is knowing nothing
        fixture.open(day(0));
        assertThat(knownAt(day(60))).isZero();
        assertThat(knownAt(recordedAt(3).plusSeconds(30))).isEqualTo(3);
    }
}

package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.M1;
import static dev.shingi.deliberation.query.ViewsFixture.S1;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One comment's thread: the comment, its responses with their commitments, acknowledgements, corrections, history. */
class ThreadQueriesTest {

    static final CommitmentSummary K1 = new CommitmentSummary("k1", "#1.1", "c1", "#1", "r1",
            CommitmentKind.REVISE_DRAFT, "do k1", S1, null, false, 57, CommitmentStatus.OPEN, null, null, null, day(3),
            recordedAt(9), null);
    final ViewsFixture fixture = new ViewsFixture();

    /**
     * #1 (6) and #2 (7); #1 answered (8) with #1.1 (9), m1 satisfied (10), the answer's text corrected (11); #2
     * answered (12) by a response of the same id as #1's.
     */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(2));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(3));
        fixture.commit("c1", "r1", "k1", "#1.1", null, day(3));
        fixture.record(new ResponseAcknowledged(D, "c1", "r1", "m1", true, "thanks", day(4)));
        fixture.record(new RecordCorrected(D, "c1", "r1", null, null, null, null, "better answer", null, "wording",
                "s1", day(5)));
        fixture.respond("c2", "r1", Disposition.ANSWERED, day(6));
    }

    CommentThread thread(String commentId, Instant at, long position) {
        return fixture.queries.thread().handle(new FindThread(commentId, new AsOf(at, position)));
    }

    @Test
    void theWholeThreadAsCorrected() {
        CommentThread thread = thread("c1", day(60), ALL);
        assertThat(thread.comment()).isEqualTo(new CommentSummary("c1", "#1", D, M1, 1, Anchor.page(1), "p.1",
                CommentKind.CHANGE_REQUEST, "text of c1", null, CommentStatus.AWAITING, true, day(2), recordedAt(6)));
        // made on April 4th in Tokyo, 57 days before May 31st
        assertThat(thread.responses()).containsExactly(new ResponseDetail("r1", S1, Disposition.ACCEPTED,
                "better answer", List.of(K1), day(3), recordedAt(8)));
        assertThat(thread.acknowledgements()).containsExactly(new Acknowledgement("r1", M1, true, "thanks", day(4),
                recordedAt(10)));
        assertThat(thread.corrections()).containsExactly(new Correction("r1", "text", "answer r1", "better answer",
                "wording", S1, day(5), recordedAt(11)));
        assertThat(thread.history()).extracting(TimelineEntry::position, TimelineEntry::summary).containsExactly(
                tuple(6L, "Member One raised #1 (CHANGE_REQUEST) on v1 p.1: text of c1"),
                tuple(8L, "Secretary answered #1: ACCEPTED — better answer"),
                tuple(9L, "Commitment #1.1 (REVISE_DRAFT) owned by Secretary: do k1"),
                tuple(10L, "Member One is satisfied with the response to #1: thanks"),
                tuple(11L, "Secretary corrected a response to #1: wording"));
    }

    @Test
    void beforeTheCorrectionWasKnownTheThreadIsAsFirstRecorded() {
        CommentThread thread = thread("c1", day(60), 10);
        assertThat(thread.responses()).extracting(ResponseDetail::text).containsExactly("answer r1");
        assertThat(thread.corrections()).isEmpty();
        assertThat(thread.acknowledgements()).hasSize(1);
        assertThat(thread.history()).extracting(TimelineEntry::position).containsExactly(6L, 8L, 9L, 10L);
        // known up to the answer, not its commitment
        CommentThread answered = thread("c1", day(60), 8);
        assertThat(answered.comment().status()).isEqualTo(CommentStatus.ANSWERED);
        assertThat(answered.responses().get(0).commitments()).isEmpty();
    }

    @Test
    void beforeTheAnswerOccurredTheCommentIsOpenButKnownCorrectionsAreListed() {
        CommentThread thread = thread("c1", day(3).minusMillis(1), ALL);
        assertThat(thread.comment().status()).isEqualTo(CommentStatus.OPEN);
        assertThat(thread.responses()).isEmpty();
        assertThat(thread.acknowledgements()).isEmpty();
        assertThat(thread.history()).extracting(TimelineEntry::position).containsExactly(6L);
        // corrections are read by log position alone: the one known is listed though it occurred on day 5
        assertThat(thread.corrections()).extracting(Correction::newValue).containsExactly("better answer");
    }

    @Test
    void anotherCommentsResponseOfTheSameIdStaysInItsOwnThread() {
        CommentThread other = thread("c2", day(60), ALL);
        assertThat(other.comment().commentId()).isEqualTo("c2");
        assertThat(other.comment().status()).isEqualTo(CommentStatus.ANSWERED);
        assertThat(other.responses()).containsExactly(new ResponseDetail("r1", S1, Disposition.ANSWERED, "answer r1",
                List.of(), day(6), recordedAt(12)));
        assertThat(other.acknowledgements()).isEmpty();
        assertThat(other.corrections()).isEmpty();
        assertThat(thread("c1", day(60), ALL).responses()).extracting(ResponseDetail::text)
                .containsExactly("better answer");
    }

    @Test
    void anUnknownCommentOrOneNotYetRaisedOrRecordedIsRefused() {
        assertThatThrownBy(() -> thread("nope", day(60), ALL))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("commentId"))
                .hasMessage("No comment 'nope' as of 2024-05-31T00:00:00Z.");
        assertThatThrownBy(() -> thread("c1", day(2).minusMillis(1), ALL))
                .isInstanceOf(UnknownRecord.class)
                .hasMessage("No comment 'c1' as of 2024-04-02T23:59:59.999Z.");
        assertThatThrownBy(() -> thread("c1", day(60), 5)).isInstanceOf(UnknownRecord.class);
    }
}

package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.shingi.deliberation.query.CommentHistory.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The derived status of DOMAIN.md's "Life of a comment", one branch at a time. */
class CommentStatusTest {

    private static final String RESPONSE = "r1";

    @Test
    void unansweredCommentIsOpen() {
        assertThat(status(false, null, null, 0, 0)).isEqualTo(CommentStatus.OPEN);
    }

    @Test
    void reopenedCommentIsOpenEvenWithCommitmentsOutstanding() {
        assertThat(status(false, null, Disposition.ACCEPTED, 2, 2))
                .isEqualTo(CommentStatus.OPEN);
    }

    @Test
    void withdrawnCommentStaysWithdrawnWhateverElseHappens() {
        assertThat(status(true, RESPONSE, Disposition.ACCEPTED, 1, 1))
                .isEqualTo(CommentStatus.WITHDRAWN);
        assertThat(status(true, null, null, 0, 0)).isEqualTo(CommentStatus.WITHDRAWN);
    }

    @Test
    void responseWithOpenCommitmentsIsAwaiting() {
        assertThat(status(false, RESPONSE, Disposition.ACCEPTED, 1, 2))
                .isEqualTo(CommentStatus.AWAITING);
    }

    @Test
    void declinedResponseWithOpenCommitmentIsAwaitingNotDeclined() {
        assertThat(status(false, RESPONSE, Disposition.DECLINED, 1, 1))
                .isEqualTo(CommentStatus.AWAITING);
    }

    @Test
    void declinedResponseWithNothingOutstandingIsDeclined() {
        assertThat(status(false, RESPONSE, Disposition.DECLINED, 0, 0))
                .isEqualTo(CommentStatus.DECLINED);
    }

    @Test
    void declinedResponseWhoseCommitmentsAreClosedIsStillDeclined() {
        assertThat(status(false, RESPONSE, Disposition.DECLINED, 0, 1))
                .isEqualTo(CommentStatus.DECLINED);
    }

    @Test
    void responseWhoseCommitmentsAreAllClosedIsResolved() {
        assertThat(status(false, RESPONSE, Disposition.ACCEPTED, 0, 3))
                .isEqualTo(CommentStatus.RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = "DECLINED", mode = EnumSource.Mode.EXCLUDE)
    void responseWithoutCommitmentsIsAnswered(Disposition disposition) {
        assertThat(status(false, RESPONSE, disposition, 0, 0)).isEqualTo(CommentStatus.ANSWERED);
    }

    @Test
    void aPlainAnswerAfterReopeningIsAnsweredEvenIfEarlierCommitmentsWereKept() {
        // commitments of the superseded response are all closed; the current response made none
        assertThat(status(false, "r2", Disposition.ANSWERED, 0, 0)).isEqualTo(CommentStatus.ANSWERED);
    }
}

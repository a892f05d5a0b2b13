package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.shingi.deliberation.query.CommentsProjection.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The derived status of DOMAIN.md's "Life of a comment", one branch at a time. */
class CommentStatusTest {

    private static final String RESPONSE = "r1";

    @Test
    void unansweredCommentIsOpen() {
        assertThat(status(CommentStatus.OPEN, null, 0, null, 0)).isEqualTo(CommentStatus.OPEN);
    }

    @Test
    void reopenedCommentIsOpenEvenWithCommitmentsOutstanding() {
        assertThat(status(CommentStatus.AWAITING, null, 2, Disposition.ACCEPTED.name(), 2))
                .isEqualTo(CommentStatus.OPEN);
    }

    @Test
    void withdrawnCommentStaysWithdrawnWhateverElseHappens() {
        assertThat(status(CommentStatus.WITHDRAWN, RESPONSE, 1, Disposition.ACCEPTED.name(), 1))
                .isEqualTo(CommentStatus.WITHDRAWN);
        assertThat(status(CommentStatus.WITHDRAWN, null, 0, null, 0)).isEqualTo(CommentStatus.WITHDRAWN);
    }

    @Test
    void responseWithOpenCommitmentsIsAwaiting() {
        assertThat(status(CommentStatus.OPEN, RESPONSE, 1, Disposition.ACCEPTED.name(), 2))
                .isEqualTo(CommentStatus.AWAITING);
    }

    @Test
    void declinedResponseWithOpenCommitmentIsAwaitingNotDeclined() {
        assertThat(status(CommentStatus.OPEN, RESPONSE, 1, Disposition.DECLINED.name(), 1))
                .isEqualTo(CommentStatus.AWAITING);
    }

    @Test
    void declinedResponseWithNothingOutstandingIsDeclined() {
        assertThat(status(CommentStatus.OPEN, RESPONSE, 0, Disposition.DECLINED.name(), 0))
                .isEqualTo(CommentStatus.DECLINED);
    }

    @Test
    void declinedResponseWhoseCommitmentsAreClosedIsStillDeclined() {
        assertThat(status(CommentStatus.AWAITING, RESPONSE, 0, Disposition.DECLINED.name(), 1))
                .isEqualTo(CommentStatus.DECLINED);
    }

    @Test
    void responseWhoseCommitmentsAreAllClosedIsResolved() {
        assertThat(status(CommentStatus.AWAITING, RESPONSE, 0, Disposition.ACCEPTED.name(), 3))
                .isEqualTo(CommentStatus.RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = "DECLINED", mode = EnumSource.Mode.EXCLUDE)
    void responseWithoutCommitmentsIsAnswered(Disposition disposition) {
        assertThat(status(CommentStatus.OPEN, RESPONSE, 0, disposition.name(), 0)).isEqualTo(CommentStatus.ANSWERED);
    }
}

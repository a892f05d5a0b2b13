package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.AcknowledgeResponse;
import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentReopened;
import dev.shingi.deliberation.api.CommentResponded;
import dev.shingi.deliberation.api.CommentWithdrawn;
import dev.shingi.deliberation.api.CommitmentConcluded;
import dev.shingi.deliberation.api.CommitmentFulfilled;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentMade;
import dev.shingi.deliberation.api.CommitmentWaived;
import dev.shingi.deliberation.api.ConcludeCommitment;
import dev.shingi.deliberation.api.CorrectRecord;
import dev.shingi.deliberation.api.RecordCorrected;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Location;
import dev.shingi.deliberation.api.NewCommitment;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.ReopenComment;
import dev.shingi.deliberation.api.RespondToComment;
import dev.shingi.deliberation.api.ResponseAcknowledged;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.WaiveCommitment;
import dev.shingi.deliberation.api.WithdrawComment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.shingi.deliberation.command.TestDirectory.AT;
import static dev.shingi.deliberation.command.TestDirectory.CHAIR;
import static dev.shingi.deliberation.command.TestDirectory.DELIBERATION;
import static dev.shingi.deliberation.command.TestDirectory.MEETING;
import static dev.shingi.deliberation.command.TestDirectory.MEMBER;
import static dev.shingi.deliberation.command.TestDirectory.OBSERVER;
import static dev.shingi.deliberation.command.TestDirectory.OTHER_DELIBERATION;
import static dev.shingi.deliberation.command.TestDirectory.OTHER_MEETING;
import static dev.shingi.deliberation.command.TestDirectory.OTHER_MEMBER;
import static dev.shingi.deliberation.command.TestDirectory.OTHER_SECRETARY;
import static dev.shingi.deliberation.command.TestDirectory.OUTSIDER;
import static dev.shingi.deliberation.command.TestDirectory.PAGES;
import static dev.shingi.deliberation.command.TestDirectory.SECRETARY;
import static dev.shingi.deliberation.command.TestDirectory.STRANGER;
import static dev.shingi.deliberation.command.TestDirectory.unknown;
import static dev.shingi.deliberation.command.TestDirectory.violates;
import static org.assertj.core.api.Assertions.assertThat;

class CommentTest {

    private static final String C1 = "ict-cyber-2024-c1";
    private static final String R1 = "r1";
    private static final String R2 = "r2";
    private static final String TEXT = "Mention the amendment of the Economic Security Promotion Act in a footnote.";
    private static final String ANSWER = "We will add a footnote on the amendment.";
    private static final Instant LATER = AT.plusSeconds(3600);
    private static final LocalDate DUE = LocalDate.of(2024, 7, 31);

    private TestDirectory directory;
    private FixtureConfiguration<Comment> fixture;

    @BeforeEach
    void setUp() {
        directory = TestDirectory.reference();
        fixture = new AggregateTestFixture<>(Comment.class);
        fixture.registerInjectableResource(directory.directory());
        fixture.registerInjectableResource(directory.documents());
        fixture.registerInjectableResource(directory.numbers());
    }

    // --- what the fixture is given ----------------------------------------------------------------------------------

    private static CommentRaised raised(CommentKind kind) {
        return new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, Anchor.page(15), kind, TEXT, MEETING, AT);
    }

    private static CommentRaised raised() {
        return raised(CommentKind.CHANGE_REQUEST);
    }

    private static CommentResponded responded(String responseId) {
        return new CommentResponded(DELIBERATION, C1, responseId, SECRETARY, Disposition.ACCEPTED, ANSWER, AT);
    }

    private static CommitmentMade made(int number, CommitmentKind kind) {
        return new CommitmentMade(DELIBERATION, C1, R1, C1 + "." + number, "#1." + number, kind, "promise " + number,
                SECRETARY, null, AT);
    }

    private static CommentReopened reopened() {
        return new CommentReopened(DELIBERATION, C1, MEMBER, "not answered", AT);
    }

    private static CommentWithdrawn withdrawn() {
        return new CommentWithdrawn(DELIBERATION, C1, MEMBER, "covered elsewhere", AT);
    }

    // --- commands -----------------------------------------------------------------------------------------------------

    private static RaiseComment raise(String authorId, int version, Anchor anchor, String meetingId) {
        return new RaiseComment(C1, DELIBERATION, authorId, version, anchor, CommentKind.CHANGE_REQUEST, TEXT, meetingId,
                AT);
    }

    private static RaiseComment raiseOnPages(Anchor anchor) {
        return raise(MEMBER, 1, anchor, MEETING);
    }

    private static RespondToComment respond(String responseId, String responderId, NewCommitment... commitments) {
        return new RespondToComment(C1, responseId, responderId, Disposition.ACCEPTED, ANSWER, List.of(commitments),
                LATER);
    }

    private static RespondToComment respond(String responderId) {
        return respond(R1, responderId);
    }

    @Nested
    class Raising {

        @Test
        void firstCommentOfDeliberationIsReferencedOne() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseComment(C1, DELIBERATION, MEMBER, 1, Anchor.footnote(44, "40"),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, Anchor.footnote(44, "40"),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void commentsAreNumberedInOrderWithinTheirDeliberation() {
            directory.numbers().takeCommentNumber(DELIBERATION);
            directory.numbers().takeCommentNumber(OTHER_DELIBERATION);
            directory.numbers().takeCommentNumber(OTHER_DELIBERATION);

            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.page(15)))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#2", MEMBER, 1, Anchor.page(15),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void writtenCommentWithoutAnchorNeedsNoMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseComment(C1, DELIBERATION, MEMBER, 1, null, CommentKind.QUESTION, TEXT, null, AT))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, null, CommentKind.QUESTION, TEXT,
                            null, AT));
        }

        @ParameterizedTest
        @EnumSource(CommentKind.class)
        void everyKindOfCommentCanBeRaised(CommentKind kind) {
            fixture.givenNoPriorActivity()
                    .when(new RaiseComment(C1, DELIBERATION, MEMBER, 1, Anchor.NONE, kind, TEXT, MEETING, AT))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, Anchor.NONE, kind, TEXT,
                            MEETING, AT));
        }

        @ParameterizedTest
        @ValueSource(strings = {CHAIR, OBSERVER, SECRETARY})
        void everyRegisteredRoleMayComment(String authorId) {
            fixture.givenNoPriorActivity()
                    .when(raise(authorId, 1, Anchor.page(15), MEETING))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", authorId, 1, Anchor.page(15),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void cannotRaiseCommentUnlessRegistered() {
            fixture.givenNoPriorActivity()
                    .when(raise(STRANGER, 1, Anchor.page(15), MEETING))
                    .expectNoEvents()
                    .expectException(violates("comment.author-registered"));
        }

        @Test
        void cannotRaiseCommentWhenRegisteredOnlyInAnotherDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(raise(OUTSIDER, 1, Anchor.page(15), MEETING))
                    .expectNoEvents()
                    .expectException(violates("comment.author-registered"));
        }

        @Test
        void cannotRaiseCommentInUnknownDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseComment(C1, "no-such-deliberation", MEMBER, 1, null, CommentKind.QUESTION, TEXT,
                            null, AT))
                    .expectNoEvents()
                    .expectException(unknown("deliberationId"));
        }

        @Test
        void cannotRaiseCommentOnUnpublishedDraftVersion() {
            fixture.givenNoPriorActivity()
                    .when(raise(MEMBER, 2, Anchor.page(15), MEETING))
                    .expectNoEvents()
                    .expectException(unknown("draftVersion"));
        }

        @Test
        void cannotRaiseCommentAtUnrecordedMeeting() {
            fixture.givenNoPriorActivity()
                    .when(raise(MEMBER, 1, Anchor.page(15), "meeting-99"))
                    .expectNoEvents()
                    .expectException(unknown("meetingId"));
        }

        @Test
        void cannotRaiseCommentAtMeetingOfAnotherDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(raise(MEMBER, 1, Anchor.page(15), OTHER_MEETING))
                    .expectNoEvents()
                    .expectException(unknown("meetingId"));
        }

        @Test
        void anchorMayPointAtTheLastPage() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.pages(PAGES - 1, PAGES)))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, Anchor.pages(PAGES - 1, PAGES),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void cannotAnchorCommentPastTheLastPage() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.page(PAGES + 1)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-within-draft"));
        }

        @Test
        void cannotAnchorPageRangeThatEndsPastTheLastPage() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.pages(PAGES - 1, PAGES + 1)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-within-draft"));
        }

        @Test
        void cannotAnchorFirstPagePastTheLastPageEvenWithoutEndPage() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(new Anchor(PAGES + 1, null, null, null, null)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-within-draft"));
        }

        @Test
        void anyPageIsAcceptedWhenTheDraftsPageCountIsUnknown() {
            directory.draft(DELIBERATION, 2, null);
            fixture.givenNoPriorActivity()
                    .when(raise(MEMBER, 2, Anchor.pages(500, 999), MEETING))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 2, Anchor.pages(500, 999),
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void cannotAnchorPageRangeThatRunsBackwards() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.pages(19, 18)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-range-ordered"));
        }

        @Test
        void cannotAnchorLinesThatRunBackwardsOrStartAtZero() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(new Anchor(3, 3, null, null, null, 40, 12, null)))
                    .expectNoEvents()
                    .expectException(violates("anchor.line-range-ordered"));
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(new Anchor(3, 3, null, null, null, 0, 2, null)))
                    .expectNoEvents()
                    .expectException(violates("anchor.line-positive"));
        }

        @Test
        void cannotAnchorPageZero() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.page(0)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-positive"));
        }

        @Test
        void cannotAnchorRangeEndingOnNegativePage() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(new Anchor(null, -3, null, null, null)))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-positive"));
        }

        @Test
        void anchorWithoutPagesIsAccepted() {
            Anchor section = new Anchor(null, null, "40", "おわりに", "セキュリティ・バイ・デザイン");
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(section))
                    .expectEvents(new CommentRaised(DELIBERATION, C1, "#1", MEMBER, 1, section,
                            CommentKind.CHANGE_REQUEST, TEXT, MEETING, AT));
        }

        @Test
        void refusedCommentTakesNoNumber() {
            fixture.givenNoPriorActivity()
                    .when(raiseOnPages(Anchor.page(PAGES + 1)))
                    .expectException(violates("anchor.page-within-draft"));

            assertThat(directory.numbers().takeCommentNumber(DELIBERATION)).isEqualTo(1);
        }
    }

    @Nested
    class Responding {

        @Test
        void secretariatRespondsWithoutCommitments() {
            fixture.given(raised())
                    .when(new RespondToComment(C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER, null, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER,
                            LATER));
        }

        @Test
        void commitmentsAreNumberedWithinTheCommentAndOwnedByTheResponderUnlessNamed() {
            fixture.given(raised())
                    .when(respond(R1, SECRETARY,
                            new NewCommitment(CommitmentKind.REVISE_DRAFT, "Add a footnote", null, null),
                            new NewCommitment(CommitmentKind.CONSIDER, "Consider port transport", OTHER_SECRETARY, DUE)))
                    .expectEvents(
                            new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ACCEPTED, ANSWER, LATER),
                            new CommitmentMade(DELIBERATION, C1, R1, C1 + ".1", "#1.1", CommitmentKind.REVISE_DRAFT,
                                    "Add a footnote", SECRETARY, null, LATER),
                            new CommitmentMade(DELIBERATION, C1, R1, C1 + ".2", "#1.2", CommitmentKind.CONSIDER,
                                    "Consider port transport", OTHER_SECRETARY, DUE, LATER));
        }

        @Test
        void commitmentNumbersContinueAcrossResponses() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.REVISE_DRAFT), reopened())
                    .when(respond(R2, OTHER_SECRETARY, new NewCommitment(CommitmentKind.ACTION, "Ask NISC", null, null)))
                    .expectEvents(
                            new CommentResponded(DELIBERATION, C1, R2, OTHER_SECRETARY, Disposition.ACCEPTED, ANSWER,
                                    LATER),
                            new CommitmentMade(DELIBERATION, C1, R2, C1 + ".2", "#1.2", CommitmentKind.ACTION,
                                    "Ask NISC", OTHER_SECRETARY, null, LATER));
        }

        @Test
        void commitmentMayBeOwnedByAnyRegisteredParticipant() {
            fixture.given(raised())
                    .when(respond(R1, SECRETARY, new NewCommitment(CommitmentKind.ACTION, "Share the data", OBSERVER,
                            null)))
                    .expectEvents(
                            new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ACCEPTED, ANSWER, LATER),
                            new CommitmentMade(DELIBERATION, C1, R1, C1 + ".1", "#1.1", CommitmentKind.ACTION,
                                    "Share the data", OBSERVER, null, LATER));
        }

        @Test
        void cannotPromiseCommitmentOwnedByUnregisteredParticipant() {
            fixture.given(raised())
                    .when(respond(R1, SECRETARY,
                            new NewCommitment(CommitmentKind.REVISE_DRAFT, "Add a footnote", null, null),
                            new NewCommitment(CommitmentKind.ACTION, "Ask someone", OUTSIDER, null)))
                    .expectNoEvents()
                    .expectException(violates("commitment.owner-registered"));
        }

        @ParameterizedTest
        @ValueSource(strings = {CHAIR, MEMBER, OBSERVER})
        void onlySecretariatRespondsToComments(String responderId) {
            fixture.given(raised())
                    .when(respond(responderId))
                    .expectNoEvents()
                    .expectException(violates("participant.secretariat-only"));
        }

        @Test
        void cannotRespondAsUnregisteredParticipant() {
            fixture.given(raised())
                    .when(respond(STRANGER))
                    .expectNoEvents()
                    .expectException(violates("participant.registered"));
        }

        @Test
        void cannotRespondAsSecretariatOfAnotherDeliberation() {
            fixture.given(raised())
                    .when(respond(OUTSIDER))
                    .expectNoEvents()
                    .expectException(violates("participant.registered"));
        }

        @Test
        void cannotAnswerCommentTwice() {
            fixture.given(raised(), responded(R1))
                    .when(respond(R2, OTHER_SECRETARY))
                    .expectNoEvents()
                    .expectException(violates("comment.answered-once"));
        }

        @Test
        void reopenedCommentCanBeAnsweredAgain() {
            fixture.given(raised(), responded(R1), reopened())
                    .when(respond(R2, SECRETARY))
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R2, SECRETARY, Disposition.ACCEPTED, ANSWER,
                            LATER));
        }

        @Test
        void commentReopenedByUnsatisfiedCommenterCanBeAnsweredAgain() {
            fixture.given(raised(), responded(R1))
                    .andGivenCommands(new AcknowledgeResponse(C1, R1, MEMBER, false, "Not enough", AT))
                    .when(respond(R2, SECRETARY))
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R2, SECRETARY, Disposition.ACCEPTED, ANSWER,
                            LATER));
        }

        @Test
        void cannotReuseResponseIdWhenAnsweringAgain() {
            fixture.given(raised(), responded(R1), reopened())
                    .when(respond(R1, SECRETARY))
                    .expectNoEvents()
                    .expectException(violates("response.id-once"));
        }

        @Test
        void cannotRespondToWithdrawnComment() {
            fixture.given(raised(), withdrawn())
                    .when(respond(SECRETARY))
                    .expectNoEvents()
                    .expectException(violates("comment.withdrawn"));
        }

        @ParameterizedTest
        @EnumSource(value = CommentKind.class, names = {"ENDORSEMENT", "REMARK"})
        void commentsThatAskNothingCanStillBeAnswered(CommentKind kind) {
            fixture.given(raised(kind))
                    .when(new RespondToComment(C1, R1, SECRETARY, Disposition.NOTED, "Thank you.", List.of(), LATER))
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.NOTED, "Thank you.",
                            LATER));
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void satisfiedCommenterLeavesCommentAnswered() {
            fixture.given(raised(), responded(R1))
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, true, "Thank you", LATER))
                    .expectEvents(new ResponseAcknowledged(DELIBERATION, C1, R1, MEMBER, true, "Thank you", LATER));
        }

        @Test
        void unsatisfiedCommenterReopensTheCommentWithTheirNote() {
            fixture.given(raised(), responded(R1))
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, false, "The footnote is not enough", LATER))
                    .expectEvents(
                            new ResponseAcknowledged(DELIBERATION, C1, R1, MEMBER, false, "The footnote is not enough",
                                    LATER),
                            new CommentReopened(DELIBERATION, C1, MEMBER, "The footnote is not enough", LATER));
        }

        @Test
        void unsatisfiedCommenterWithoutNoteReopensWithStandardReason() {
            fixture.given(raised(), responded(R1))
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, false, null, LATER))
                    .expectEvents(
                            new ResponseAcknowledged(DELIBERATION, C1, R1, MEMBER, false, null, LATER),
                            new CommentReopened(DELIBERATION, C1, MEMBER, "Not satisfied with the response.", LATER));
        }

        @Test
        void dissatisfactionWithSupersededResponseDoesNotReopen() {
            fixture.given(raised(), responded(R1), reopened(), responded(R2))
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, false, "The first answer was wrong", LATER))
                    .expectEvents(new ResponseAcknowledged(DELIBERATION, C1, R1, MEMBER, false,
                            "The first answer was wrong", LATER));
        }

        @Test
        void dissatisfactionWithAlreadyReopenedCommentDoesNotReopenAgain() {
            fixture.given(raised(), responded(R1), reopened())
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, false, "Still not", LATER))
                    .expectEvents(new ResponseAcknowledged(DELIBERATION, C1, R1, MEMBER, false, "Still not", LATER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OTHER_MEMBER, CHAIR, SECRETARY, STRANGER})
        void onlyTheCommenterAcknowledgesResponses(String participantId) {
            fixture.given(raised(), responded(R1))
                    .when(new AcknowledgeResponse(C1, R1, participantId, true, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("acknowledgement.by-author"));
        }

        @Test
        void cannotAcknowledgeResponseToWithdrawnComment() {
            fixture.given(raised(), responded(R1), withdrawn())
                    .when(new AcknowledgeResponse(C1, R1, MEMBER, true, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.withdrawn"));
        }

        @Test
        void cannotAcknowledgeUnknownResponse() {
            fixture.given(raised(), responded(R1))
                    .when(new AcknowledgeResponse(C1, R2, MEMBER, true, null, LATER))
                    .expectNoEvents()
                    .expectException(unknown("responseId"));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void commenterWithdrawsTheirComment() {
            fixture.given(raised(), responded(R1))
                    .when(new WithdrawComment(C1, MEMBER, "Covered by another comment", LATER))
                    .expectEvents(new CommentWithdrawn(DELIBERATION, C1, MEMBER, "Covered by another comment", LATER));
        }

        @Test
        void secretariatWithdrawsCommentOnTheCommentersBehalf() {
            fixture.given(raised())
                    .when(new WithdrawComment(C1, SECRETARY, "Withdrawn by letter", LATER))
                    .expectEvents(new CommentWithdrawn(DELIBERATION, C1, SECRETARY, "Withdrawn by letter", LATER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OTHER_MEMBER, CHAIR, OBSERVER, OUTSIDER, STRANGER})
        void onlyCommenterOrSecretariatWithdrawsComment(String participantId) {
            fixture.given(raised())
                    .when(new WithdrawComment(C1, participantId, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.author-or-secretariat"));
        }

        @Test
        void cannotWithdrawCommentTwice() {
            fixture.given(raised(), withdrawn())
                    .when(new WithdrawComment(C1, MEMBER, "again", LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.withdrawn-once"));
        }
    }

    @Nested
    class Reopening {

        @Test
        void commenterReopensAnsweredComment() {
            fixture.given(raised(), responded(R1))
                    .when(new ReopenComment(C1, MEMBER, "The answer misses the point", LATER))
                    .expectEvents(new CommentReopened(DELIBERATION, C1, MEMBER, "The answer misses the point", LATER));
        }

        @Test
        void secretariatReopensAnsweredComment() {
            fixture.given(raised(), responded(R1))
                    .when(new ReopenComment(C1, OTHER_SECRETARY, "Answered in error", LATER))
                    .expectEvents(new CommentReopened(DELIBERATION, C1, OTHER_SECRETARY, "Answered in error", LATER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OTHER_MEMBER, CHAIR, OBSERVER, OUTSIDER, STRANGER})
        void onlyCommenterOrSecretariatReopensComment(String participantId) {
            fixture.given(raised(), responded(R1))
                    .when(new ReopenComment(C1, participantId, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.author-or-secretariat"));
        }

        @Test
        void cannotReopenUnansweredComment() {
            fixture.given(raised())
                    .when(new ReopenComment(C1, MEMBER, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.reopen-answered-only"));
        }

        @Test
        void cannotReopenCommentAlreadyReopened() {
            fixture.given(raised(), responded(R1), reopened())
                    .when(new ReopenComment(C1, MEMBER, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.reopen-answered-only"));
        }

        @Test
        void cannotReopenWithdrawnComment() {
            fixture.given(raised(), responded(R1), withdrawn())
                    .when(new ReopenComment(C1, MEMBER, null, LATER))
                    .expectNoEvents()
                    .expectException(violates("comment.withdrawn"));
        }
    }

    @Nested
    class Concluding {

        @ParameterizedTest
        @EnumSource(value = CommitmentKind.class, names = {"CONSIDER", "ACTION"})
        void secretariatConcludesCommitmentWithOutcome(CommitmentKind kind) {
            fixture.given(raised(), responded(R1), made(1, kind))
                    .when(new ConcludeCommitment(C1, C1 + ".1", OTHER_SECRETARY, "Decided to keep the text", LATER))
                    .expectEvents(new CommitmentConcluded(DELIBERATION, C1, C1 + ".1", OTHER_SECRETARY,
                            "Decided to keep the text", LATER));
        }

        @Test
        void cannotConcludeRevisionPromise() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.REVISE_DRAFT))
                    .when(new ConcludeCommitment(C1, C1 + ".1", SECRETARY, "Done", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.revise-draft-kept-by-revision"));
        }

        @Test
        void cannotConcludeCommitmentTwice() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER),
                            new CommitmentConcluded(DELIBERATION, C1, C1 + ".1", SECRETARY, "Decided", AT))
                    .when(new ConcludeCommitment(C1, C1 + ".1", SECRETARY, "Decided again", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @Test
        void cannotConcludeWaivedCommitment() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER),
                            new CommitmentWaived(DELIBERATION, C1, C1 + ".1", SECRETARY, "Overtaken", AT))
                    .when(new ConcludeCommitment(C1, C1 + ".1", SECRETARY, "Decided", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @Test
        void cannotConcludeFulfilledCommitment() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.REVISE_DRAFT),
                            new CommitmentFulfilled(DELIBERATION, C1, C1 + ".1", 2, new Location(15, "3", null), AT))
                    .when(new ConcludeCommitment(C1, C1 + ".1", SECRETARY, "Decided", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @Test
        void cannotConcludeUnknownCommitment() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new ConcludeCommitment(C1, C1 + ".2", SECRETARY, "Decided", LATER))
                    .expectNoEvents()
                    .expectException(unknown("commitmentId"));
        }

        @ParameterizedTest
        @ValueSource(strings = {MEMBER, CHAIR, OBSERVER})
        void onlySecretariatConcludesCommitments(String participantId) {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new ConcludeCommitment(C1, C1 + ".1", participantId, "Decided", LATER))
                    .expectNoEvents()
                    .expectException(violates("participant.secretariat-only"));
        }

        @Test
        void cannotConcludeAsUnregisteredParticipant() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new ConcludeCommitment(C1, C1 + ".1", STRANGER, "Decided", LATER))
                    .expectNoEvents()
                    .expectException(violates("participant.registered"));
        }
    }

    @Nested
    class Waiving {

        @ParameterizedTest
        @EnumSource(CommitmentKind.class)
        void secretariatWaivesOpenCommitmentOfAnyKind(CommitmentKind kind) {
            fixture.given(raised(), responded(R1), made(1, kind))
                    .when(new WaiveCommitment(C1, C1 + ".1", SECRETARY, "Overtaken by the new act", LATER))
                    .expectEvents(new CommitmentWaived(DELIBERATION, C1, C1 + ".1", SECRETARY,
                            "Overtaken by the new act", LATER));
        }

        @Test
        void commitmentsOfWithdrawnCommentCanStillBeWaived() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.REVISE_DRAFT), withdrawn())
                    .when(new WaiveCommitment(C1, C1 + ".1", SECRETARY, "Comment withdrawn", LATER))
                    .expectEvents(new CommitmentWaived(DELIBERATION, C1, C1 + ".1", SECRETARY, "Comment withdrawn",
                            LATER));
        }

        @Test
        void cannotWaiveCommitmentTwice() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.REVISE_DRAFT),
                            new CommitmentWaived(DELIBERATION, C1, C1 + ".1", SECRETARY, "Overtaken", AT))
                    .when(new WaiveCommitment(C1, C1 + ".1", SECRETARY, "Again", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @Test
        void cannotWaiveConcludedCommitment() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER),
                            new CommitmentConcluded(DELIBERATION, C1, C1 + ".1", SECRETARY, "Decided", AT))
                    .when(new WaiveCommitment(C1, C1 + ".1", SECRETARY, "Overtaken", LATER))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @Test
        void cannotWaiveUnknownCommitment() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new WaiveCommitment(C1, "ict-cyber-2024-c2.1", SECRETARY, "Overtaken", LATER))
                    .expectNoEvents()
                    .expectException(unknown("commitmentId"));
        }

        @ParameterizedTest
        @ValueSource(strings = {MEMBER, CHAIR, OBSERVER})
        void onlySecretariatWaivesCommitments(String participantId) {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new WaiveCommitment(C1, C1 + ".1", participantId, "Overtaken", LATER))
                    .expectNoEvents()
                    .expectException(violates("participant.secretariat-only"));
        }

        @Test
        void cannotWaiveAsUnregisteredParticipant() {
            fixture.given(raised(), responded(R1), made(1, CommitmentKind.CONSIDER))
                    .when(new WaiveCommitment(C1, C1 + ".1", OUTSIDER, "Overtaken", LATER))
                    .expectNoEvents()
                    .expectException(violates("participant.registered"));
        }
    }

    @Nested
    class KeepingTimeInOrder {

        @Test
        void aResponseCannotPredateTheComment() {
            fixture.given(raised())
                    .when(new RespondToComment(C1, R1, SECRETARY, Disposition.ACCEPTED, ANSWER, List.of(),
                            AT.minusSeconds(60)))
                    .expectNoEvents()
                    .expectException(violates("time.in-order"));
        }

        @Test
        void aStepMayHappenAtTheSameMomentAsTheLast() {
            fixture.given(raised())
                    .when(new RespondToComment(C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER, List.of(), AT))
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER, AT));
        }

        @Test
        void aWithdrawalCannotPredateTheResponseBeforeIt() {
            fixture.given(raised(), new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ACCEPTED, ANSWER,
                            LATER))
                    .when(new WithdrawComment(C1, MEMBER, "late", LATER.minusSeconds(1)))
                    .expectNoEvents()
                    .expectException(violates("time.in-order"));
        }
    }

    @Nested
    class Correcting {

        private CorrectRecord correctComment(String authorId, Anchor anchor, CommentKind kind, String text,
                                             Instant recordOccurredAt) {
            return new CorrectRecord(C1, null, authorId, anchor, kind, null, text, recordOccurredAt,
                    "transcription error", SECRETARY, LATER);
        }

        @Test
        void secretariatCorrectsTheCommentsAuthorAnchorKindTextAndTime() {
            Instant earlier = AT.minusSeconds(600);
            fixture.given(raised())
                    .when(correctComment(OTHER_MEMBER, Anchor.page(16), CommentKind.QUESTION, "Corrected text", earlier))
                    .expectEvents(new RecordCorrected(DELIBERATION, C1, null, OTHER_MEMBER, Anchor.page(16),
                            CommentKind.QUESTION, null, "Corrected text", earlier, "transcription error", SECRETARY, LATER));
        }

        @Test
        void secretariatCorrectsAResponsesResponderDispositionAndText() {
            fixture.given(raised(), responded(R1))
                    .when(new CorrectRecord(C1, R1, OTHER_SECRETARY, null, null, Disposition.CONSIDERING, "We will consider it.",
                            null, "wrong official", SECRETARY, LATER))
                    .expectEvents(new RecordCorrected(DELIBERATION, C1, R1, OTHER_SECRETARY, null, null,
                            Disposition.CONSIDERING, "We will consider it.", null, "wrong official", SECRETARY, LATER));
        }

        @Test
        void onlyTheSecretariatCorrectsRecords() {
            fixture.given(raised())
                    .when(new CorrectRecord(C1, null, null, null, null, null, "mine", null, "typo", MEMBER, LATER))
                    .expectNoEvents()
                    .expectException(violates("participant.secretariat-only"));
        }

        @Test
        void aCorrectionMustChangeSomething() {
            fixture.given(raised())
                    .when(correctComment(null, null, null, null, null))
                    .expectNoEvents()
                    .expectException(violates("correction.changes-something"));
        }

        @Test
        void aCommentHasNoDispositionAndAResponseNoAnchor() {
            fixture.given(raised(), responded(R1))
                    .when(new CorrectRecord(C1, null, null, null, null, Disposition.DECLINED, null, null, "x", SECRETARY, LATER))
                    .expectNoEvents()
                    .expectException(violates("correction.fields-of-record"));
            fixture.given(raised(), responded(R1))
                    .when(new CorrectRecord(C1, R1, null, Anchor.page(3), null, null, null, null, "x", SECRETARY, LATER))
                    .expectNoEvents()
                    .expectException(violates("correction.fields-of-record"));
        }

        @Test
        void theNewAuthorMustBeRegistered() {
            fixture.given(raised())
                    .when(correctComment(STRANGER, null, null, null, null))
                    .expectNoEvents()
                    .expectException(violates("comment.author-registered"));
        }

        @Test
        void theNewAnchorMustLieWithinTheDraft() {
            fixture.given(raised())
                    .when(correctComment(null, Anchor.page(PAGES + 1), null, null, null))
                    .expectNoEvents()
                    .expectException(violates("anchor.page-within-draft"));
        }

        @Test
        void anUnknownResponseIsNotFound() {
            fixture.given(raised())
                    .when(new CorrectRecord(C1, "r9", null, null, null, null, "x", null, "x", SECRETARY, LATER))
                    .expectNoEvents()
                    .expectException(unknown("responseId"));
        }

        @Test
        void aCorrectedTimeMayNotCrossAnotherStepOfTheComment() {
            fixture.given(raised(), new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ACCEPTED, ANSWER,
                            LATER))
                    .when(correctComment(null, null, null, null, LATER.plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(violates("time.in-order"));
        }

        @Test
        void aCorrectedTimeMovesLaterStepsCheckNextTime() {
            Instant earlier = AT.minusSeconds(3600);
            fixture.given(raised(), new RecordCorrected(DELIBERATION, C1, null, null, null, null, null, null, earlier,
                            "x", SECRETARY, LATER))
                    .when(new RespondToComment(C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER, List.of(),
                            AT.minusSeconds(60)))
                    .expectEvents(new CommentResponded(DELIBERATION, C1, R1, SECRETARY, Disposition.ANSWERED, ANSWER,
                            AT.minusSeconds(60)));
        }
    }
}

package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deliberation's counts on both clocks, the list of deliberations, and one with its participants and meetings. */
class DeliberationSummaryQueriesTest {

    final ViewsFixture fixture = new ViewsFixture();
    final DeliberationSummaryQueries queries = fixture.queries.deliberations();

    /** Positions 1-4 open, 5 draft v1, 6-8 comments #1-#3, 9 the meeting, 10 the answer to #1, 11 its commitment. */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.REMARK, day(3));
        fixture.raise("c3", 3, "m1", CommentKind.QUESTION, day(4));
        fixture.record(new MeetingRecorded(D, "mt1", 1, "First meeting", day(5), day(5).plusSeconds(7200), "Room A",
                List.of("m1", "m2"), List.of(new Material("1", "Agenda")), day(5)));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(9));
        fixture.commit("c1", "r1", "k1", "#1.1", LocalDate.parse("2024-04-30"), day(9));
    }

    DeliberationSummary summary(Instant at, long position) {
        return queries.handle(new FindDeliberation(D, new AsOf(at, position))).summary();
    }

    @Test
    void countsEverythingKnownAndOverdueFromTheDayAfterTheDueDateInTokyo() {
        // 2024-04-30T14:59:59Z is still April 30th in Tokyo: the commitment due that day is not yet overdue
        assertThat(summary(Instant.parse("2024-04-30T14:59:59Z"), ALL)).isEqualTo(new DeliberationSummary(D, "Views",
                "About the views", day(0), 3, 1, 3, 1, 1, 1, 1, 0, 1, 1));
        // a second later it is May 1st there
        assertThat(summary(Instant.parse("2024-04-30T15:00:00Z"), ALL).overdueCommitments()).isEqualTo(1);
    }

    @Test
    void countsWhatHadHappenedByAnEarlierOccurredTime() {
        // after #1 was raised, before #2: one unanswered comment, no meeting, no answer yet
        assertThat(summary(day(2).plusSeconds(1), ALL)).isEqualTo(new DeliberationSummary(D, "Views",
                "About the views", day(0), 3, 0, 1, 1, 0, 0, 0, 0, 1, 1));
        // right when the answer occurred it counts: #1 no longer unanswered, #3 is; #2 is a remark
        assertThat(summary(day(9), ALL)).isEqualTo(new DeliberationSummary(D, "Views",
                "About the views", day(0), 3, 1, 3, 1, 1, 1, 1, 0, 1, 1));
    }

    @Test
    void countsOnlyWhatTheLedgerKnewAtALogPosition() {
        // long after everything occurred, but known only up to the meeting (position 9): no answer, no commitment
        assertThat(summary(day(60), 9)).isEqualTo(new DeliberationSummary(D, "Views", "About the views", day(0), 3, 1,
                3, 2, 0, 0, 0, 0, 1, 1));
        // known up to the answer (10), not its commitment (11)
        DeliberationSummary answered = summary(day(60), 10);
        assertThat(List.of(answered.unansweredComments(), answered.responses(), answered.commitmentsMade()))
                .containsExactly(1, 1, 0);
        // known only up to m1's registration (2): one participant, no version yet
        assertThat(summary(day(60), 2)).isEqualTo(new DeliberationSummary(D, "Views", "About the views", day(0), 1, 0,
                0, 0, 0, 0, 0, 0, 0, null));
    }

    @Test
    void listsTheDeliberationsOpenedByThenInOccurredOrder() {
        fixture.record(new DeliberationOpened("older", "Older", "Opened before", day(-1)));

        assertThat(queries.handle(new FindDeliberations(new AsOf(day(-2), ALL)))).isEmpty();
        assertThat(queries.handle(new FindDeliberations(new AsOf(day(0).minusMillis(1), ALL))))
                .extracting(DeliberationSummary::deliberationId).containsExactly("older");
        List<DeliberationSummary> all = queries.handle(new FindDeliberations(new AsOf(day(60), ALL)));
        assertThat(all).extracting(DeliberationSummary::deliberationId).containsExactly("older", D);
        assertThat(all.get(0)).isEqualTo(new DeliberationSummary("older", "Older", "Opened before", day(-1), 0, 0, 0,
                0, 0, 0, 0, 0, 0, null));
        // "older" was recorded last (position 12): before that the ledger knew of the other one only
        assertThat(queries.handle(new FindDeliberations(new AsOf(day(60), 11))))
                .extracting(DeliberationSummary::deliberationId).containsExactly(D);
    }

    @Test
    void showsParticipantsAndMeetingsAndRefusesAnUnknownOrNotYetOpenedDeliberation() {
        DeliberationDetail detail = queries.handle(new FindDeliberation(D, new AsOf(day(60), ALL)));
        assertThat(detail.participants()).containsExactly(
                new Participant("m1", "Member One", Role.MEMBER, null, null, false, day(0), recordedAt(2)),
                new Participant("m2", "Member Two", Role.MEMBER, null, null, false, day(0), recordedAt(3)),
                new Participant("s1", "Secretary", Role.SECRETARIAT, null, null, false, day(0), recordedAt(4)));
        assertThat(detail.meetings()).containsExactly(new Meeting("mt1", 1, "First meeting", day(5),
                day(5).plusSeconds(7200), "Room A", List.of("m1", "m2"), List.of(new Material("1", "Agenda")), day(5),
                recordedAt(9)));
        assertThat(queries.handle(new FindDeliberation(D, new AsOf(day(4), ALL))).meetings()).isEmpty();

        assertThatThrownBy(() -> queries.handle(new FindDeliberation("nope", new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope' as of 2024-05-31T00:00:00Z.");
        assertThatThrownBy(() -> queries.handle(new FindDeliberation(D, new AsOf(day(0).minusMillis(1), ALL))))
                .isInstanceOf(UnknownRecord.class)
                .hasMessage("No deliberation 'views' as of 2024-03-31T23:59:59.999Z.");
    }
}

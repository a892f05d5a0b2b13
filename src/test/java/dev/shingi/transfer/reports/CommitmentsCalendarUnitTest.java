package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.deliberation.api.ResponseDetail;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static dev.shingi.transfer.reports.DispositionTableTest.SATO;
import static dev.shingi.transfer.reports.DispositionTableTest.SUZUKI;
import static dev.shingi.transfer.reports.DispositionTableTest.TANAKA;
import static dev.shingi.transfer.reports.DispositionTableTest.comment;
import static dev.shingi.transfer.reports.DispositionTableTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commitments feed as plain objects: which commitments it holds, in which order, and its exact iCalendar text
 * (RFC 5545 escaping and folding by octets). {@link CommitmentsCalendarTest} has the feed over HTTP.
 */
class CommitmentsCalendarUnitTest {
    static final Instant T0 = Instant.parse("2024-06-24T00:00:00Z");
    static final Function<String, URI> THREAD = id -> URI.create("https://shingi.example/comments/" + id);

    static CommitmentSummary commitment(String id, String description, ParticipantRef owner, LocalDate due,
                                        CommitmentStatus status, Instant recordedAt) {
        return new CommitmentSummary(id, id, "c1", "1-1", "r1", CommitmentKind.REVISE_DRAFT, description, owner, due,
                false, 0, status, null, null, null, T0, recordedAt, null);
    }

    static ResponseDetail response(String id, Instant recordedAt, CommitmentSummary... commitments) {
        return new ResponseDetail(id, SATO, Disposition.ACCEPTED, "We will fix it; thanks.", List.of(commitments), T0,
                recordedAt);
    }

    /** One open commitment, recorded (comment 05:00, response 06:00, commitment 00:00) latest by its response. */
    static List<CommitmentsCalendar.Item> oneItem() {
        CommitmentSummary k = commitment("1-1.1", "Fix table 3, now; please", SATO, LocalDate.of(2031, 1, 15),
                CommitmentStatus.OPEN, T0);
        DispositionEntry e = new DispositionEntry(comment("1-1", TANAKA, 1, "p.12", CommentKind.CHANGE_REQUEST,
                "Table 3, the totals; and \\ the \"units\".\nSee 4.2", CommentStatus.AWAITING, null),
                List.of(response("r1", Instant.parse("2024-06-24T06:00:00Z"), k)));
        return CommitmentsCalendar.open(List.of(e), null);
    }

    @Test
    void theFeedHoldsTheOpenCommitmentsWithADueDateOfTheOwnerByDueDateThenId() {
        LocalDate jan = LocalDate.of(2031, 1, 15);
        LocalDate feb = LocalDate.of(2031, 2, 1);
        ResponseDetail r1 = response("r1", T0,
                commitment("k-b", "b", SATO, feb, CommitmentStatus.OPEN, T0),
                commitment("k-none", "no due date", SATO, null, CommitmentStatus.OPEN, T0),
                commitment("k-kept", "kept", SATO, jan, CommitmentStatus.FULFILLED, T0));
        ResponseDetail r2 = response("r2", T0,
                commitment("k-c", "c", SUZUKI, jan, CommitmentStatus.OPEN, T0),
                commitment("k-waived", "waived", SUZUKI, jan, CommitmentStatus.WAIVED, T0),
                commitment("k-a", "a", SATO, jan, CommitmentStatus.OPEN, T0));
        DispositionEntry e1 = new DispositionEntry(comment("1", TANAKA, 1, "p.1", CommentKind.QUESTION, "?",
                CommentStatus.AWAITING, null), List.of(r1));
        DispositionEntry e2 = new DispositionEntry(comment("2", TANAKA, 1, "p.2", CommentKind.QUESTION, "?",
                CommentStatus.AWAITING, null), List.of(r2));

        List<CommitmentsCalendar.Item> all = CommitmentsCalendar.open(List.of(e1, e2), null);
        assertThat(all).extracting(i -> i.commitment().commitmentId()).containsExactly("k-a", "k-c", "k-b");
        assertThat(all).extracting(i -> i.response().responseId()).containsExactly("r2", "r2", "r1");
        assertThat(all).extracting(i -> i.entry().comment().reference()).containsExactly("2", "2", "1");
        assertThat(CommitmentsCalendar.open(List.of(e1, e2), "sato")).extracting(i -> i.commitment().commitmentId())
                .containsExactly("k-a", "k-b");
        assertThat(CommitmentsCalendar.open(List.of(e1, e2), "nobody")).isEmpty();
    }

    @Test
    void anEventIsAllDayOnTheDueDateWithAStableUidTheLatestRecordingAsStampAndEscapedText() {
        String feed = CommitmentsCalendar.write("Commitments of 検討会, 第1回", oneItem(), THREAD, Lang.EN, messages());

        assertThat(feed).isEqualTo(String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//Shingi//Commitments//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:Commitments of 検討会\\, 第1回",
                "BEGIN:VEVENT",
                "UID:1-1.1@shingi",
                "DTSTAMP:20240624T060000Z",
                "LAST-MODIFIED:20240624T060000Z",
                "DTSTART;VALUE=DATE:20310115",
                "DTEND;VALUE=DATE:20310116",
                "SUMMARY:1-1.1 Fix table 3\\, now\\; please",
                // exactly 75 octets (田中, 委員: 3 octets a character), then folded with CRLF and a space
                "DESCRIPTION:Comment 1-1 (田中 委員\\, p.12): Table 3\\, the totals\\; and ",
                " \\\\ the \"units\".\\nSee 4.2\\nResponse (佐藤 課長補佐\\, Accepted): We wi",
                " ll fix it\\; thanks.\\nCommitment: Revise the draft\\, owner 佐藤\\, due 203",
                " 1-01-15",
                "URL:https://shingi.example/comments/c-1-1",
                "CATEGORIES:REVISE_DRAFT",
                "STATUS:CONFIRMED",
                "END:VEVENT",
                "END:VCALENDAR",
                ""));
    }

    @Test
    void inJapaneseTheDescriptionIsWordedFromTheBundleAndFoldedByOctetsNeverInsideACharacter() {
        String feed = CommitmentsCalendar.write("検討会の対応事項", oneItem(), THREAD, Lang.JA, messages());

        assertThat(feed).contains("PRODID:-//Shingi//Commitments//JA\r\nVERSION:2.0\r\n",
                "X-WR-CALNAME:検討会の対応事項\r\n",
                "DESCRIPTION:意見 1-1（田中 委員、p.12）: Table 3\\, the totals\\; an\r\n"
                        + " d \\\\ the \"units\".\\nSee 4.2\\n回答（佐藤 課長補佐、反映）: We w\r\n"
                        + " ill fix it\\; thanks.\\n対応事項: 案の修正、担当: 佐藤、期限\r\n"
                        + " : 2031-01-15\r\n");
        assertThat(feed.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    }

    @Test
    void aLoneCarriageReturnOrAnotherControlCharacterNeverReachesTheFeedRaw() {
        assertThat(CommitmentsCalendar.text("Fix\r\nit\rnow\u0007 ok\tthen")).isEqualTo("Fix\nit\nnow  ok\tthen");
        CommitmentSummary k = commitment("1-1.1", "Fix\rit", SATO, LocalDate.of(2031, 1, 15), CommitmentStatus.OPEN, T0);
        DispositionEntry e = new DispositionEntry(comment("1-1", TANAKA, 1, "p.12", CommentKind.CHANGE_REQUEST,
                "a\rb", CommentStatus.AWAITING, null), List.of(response("r1", T0, k)));

        String feed = CommitmentsCalendar.write("c", CommitmentsCalendar.open(List.of(e), null), THREAD, Lang.EN,
                messages());

        assertThat(feed.replace("\r\n", "")).doesNotContain("\r");
        assertThat(feed).contains("SUMMARY:1-1.1 Fix\\nit\r\n", "p.12): a\\nb\\n");
    }

    @Test
    void withoutCommitmentsTheFeedIsACalendarWithoutEvents() {
        assertThat(CommitmentsCalendar.write("Commitments of sato", List.of(), THREAD, Lang.EN, messages()))
                .isEqualTo("BEGIN:VCALENDAR\r\nPRODID:-//Shingi//Commitments//EN\r\nVERSION:2.0\r\n"
                        + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Commitments of sato\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void foldingCountsUtf8OctetsSeventyFiveALineWithTheLeadingSpace() {
        String a = "A".repeat(150);
        assertThat(CommitmentsCalendar.fold(a + "\r\nB:1\r\n"))
                .isEqualTo("A".repeat(75) + "\r\n " + "A".repeat(74) + "\r\n A\r\nB:1\r\n");
        // 2 + 24 × 3 = 74 octets: a 25th character would make 77
        assertThat(CommitmentsCalendar.fold("X:" + "あ".repeat(30) + "\r\n"))
                .isEqualTo("X:" + "あ".repeat(24) + "\r\n " + "あ".repeat(6) + "\r\n");
        // a character of 4 octets (a surrogate pair in Java) is moved whole to the next line
        assertThat(CommitmentsCalendar.fold("X:" + "a".repeat(72) + "😀b\r\n"))
                .isEqualTo("X:" + "a".repeat(72) + "\r\n 😀b\r\n");
        assertThat(Arrays.stream(CommitmentsCalendar.fold("é".repeat(100) + "\r\n").split("\r\n"))
                .map(l -> l.getBytes(StandardCharsets.UTF_8).length)).containsExactly(74, 75, 53);
    }
}

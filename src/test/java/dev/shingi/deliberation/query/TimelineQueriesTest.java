package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static dev.shingi.deliberation.query.ViewsFixture.eventId;
import static dev.shingi.deliberation.query.ViewsFixture.recordedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deliberation's timeline: in occurred order, or replayed after a log position in log order. */
class TimelineQueriesTest {

    final ViewsFixture fixture = new ViewsFixture();

    /** #1 raised on day 2 (6) and #2 on day 4 (7); #1's answer (8) and commitment (9), recorded last, on day 3. */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(4));
        fixture.respond("c1", "r1", Disposition.ACCEPTED, day(3));
        fixture.commit("c1", "r1", "k1", "#1.1", LocalDate.parse("2024-04-30"), day(3));
    }

    static TimelineEntry entry(long position, String type, String summary, String commentId, Instant occurredAt) {
        return new TimelineEntry(position, eventId(position), type, summary, commentId, "test", occurredAt,
                recordedAt(position), null);
    }

    /** The timeline, its sentences in English only (their phrases are {@link #theSentencesAreSaidInJapaneseToo}'s). */
    List<TimelineEntry> timeline(AsOf asOf, Long afterPosition, Integer limit) {
        return phrased(asOf, afterPosition, limit).stream().map(e -> new TimelineEntry(e.position(), e.eventId(),
                e.type(), e.summary(), e.commentId(), e.recordedBy(), e.occurredAt(), e.recordedAt(), null)).toList();
    }

    List<TimelineEntry> phrased(AsOf asOf, Long afterPosition, Integer limit) {
        return fixture.queries.timeline().handle(new FindTimeline(D, asOf, afterPosition, limit));
    }

    static List<Long> positions(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::position).toList();
    }

    @Test
    void everyEventInWordsInOccurredOrder() {
        assertThat(timeline(new AsOf(day(60), ALL), null, null)).containsExactly(
                entry(1, "DeliberationOpened", "Deliberation opened: Views", null, day(0)),
                entry(2, "ParticipantRegistered", "Member One registered as MEMBER", null, day(0)),
                entry(3, "ParticipantRegistered", "Member Two registered as MEMBER", null, day(0)),
                entry(4, "ParticipantRegistered", "Secretary registered as SECRETARIAT", null, day(0)),
                entry(5, "DraftPublished", "Draft v1 published: Draft 1 (10 pages)", null, day(1)),
                entry(6, "CommentRaised", "Member One raised #1 (CHANGE_REQUEST) on v1 p.1: text of c1", "c1", day(2)),
                entry(8, "CommentResponded", "Secretary answered #1: ACCEPTED — answer r1", "c1", day(3)),
                entry(9, "CommitmentMade",
                        "Commitment #1.1 (REVISE_DRAFT) owned by Secretary: do k1, due 2024-04-30", "c1", day(3)),
                entry(7, "CommentRaised", "Member Two raised #2 (QUESTION) on v1 p.2: text of c2", "c2", day(4)));
    }

    @Test
    void theSentencesAreSaidInJapaneseToo() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        List<TimelineEntry> entries = phrased(new AsOf(day(60), ALL), null, null);

        assertThat(entries.get(5).wording()).isEqualTo(Phrase.of("timeline.raised", "Member One", "#1",
                Phrase.word("kind", CommentKind.CHANGE_REQUEST), "1", "p.1", "text of c1"));
        assertThat(entries).extracting(e -> e.wording().say((key, args) -> messages.getMessage(key, args, null,
                Locale.JAPANESE))).containsExactly(
                "審議開始：Views",
                "Member Oneを構成員として登録",
                "Member Twoを構成員として登録",
                "Secretaryを事務局として登録",
                "第1版を配布：Draft 1（10 頁）",
                "Member Oneが#1（修正意見）を第1版 p.1 について提出：text of c1",
                "Secretaryが#1に回答（反映）：answer r1",
                "対応事項 #1.1（案の修正、担当 Secretary）：do k1（期限 2024-04-30）",
                "Member Twoが#2（質問）を第1版 p.2 について提出：text of c2");
        assertThat(entries.get(7).wording().say((key, args) -> messages.getMessage(key, args, null, Locale.ENGLISH)))
                .isEqualTo("Commitment #1.1 (Revise the draft) owned by Secretary: do k1, due 2024-04-30");
    }

    @Test
    void aReplayGivesThePageAfterAPositionInLogOrder() {
        assertThat(positions(timeline(new AsOf(day(60), ALL), 5L, 2))).containsExactly(6L, 7L);
        assertThat(positions(timeline(new AsOf(day(60), ALL), 7L, null))).containsExactly(8L, 9L);
        assertThat(timeline(new AsOf(day(60), ALL), 9L, null)).isEmpty();
        // from the start, without a limit: all nine, in log order
        assertThat(positions(timeline(new AsOf(day(60), ALL), 0L, null)))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        // a replay as of a log position stops there
        assertThat(positions(timeline(new AsOf(day(60), 8), 5L, null))).containsExactly(6L, 7L, 8L);
    }

    @Test
    void showsWhatHadHappenedAndWhatTheLedgerKnewAsItKnewIt() {
        assertThat(positions(timeline(new AsOf(day(3).minusMillis(1), ALL), null, null)))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(positions(timeline(new AsOf(day(3), ALL), null, null)))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L);
        assertThat(positions(timeline(new AsOf(day(60), 7), null, null)))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        // a correction (10) rewords #1's sentence for every occurred time, from when it is known
        fixture.record(new RecordCorrected(D, "c1", null, null, null, null, null, "corrected text", null, "typo", "s1",
                day(20)));
        List<TimelineEntry> corrected = timeline(new AsOf(day(60), ALL), null, null);
        assertThat(corrected.get(5)).isEqualTo(entry(6, "CommentRaised",
                "Member One raised #1 (CHANGE_REQUEST) on v1 p.1: corrected text", "c1", day(2)));
        assertThat(corrected.get(9)).isEqualTo(entry(10, "RecordCorrected", "Secretary corrected #1: typo", "c1",
                day(20)));
        assertThat(timeline(new AsOf(day(2), ALL), null, null).get(5).summary())
                .isEqualTo("Member One raised #1 (CHANGE_REQUEST) on v1 p.1: corrected text");
        assertThat(timeline(new AsOf(day(60), 9), null, null).get(5).summary())
                .isEqualTo("Member One raised #1 (CHANGE_REQUEST) on v1 p.1: text of c1");
    }

    @Test
    void anUnknownDeliberationIsRefusedAKnownOneIsEmptyBeforeItOpened() {
        assertThatThrownBy(() -> fixture.queries.timeline().handle(new FindTimeline("nope", new AsOf(day(60), ALL),
                null, null)))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
        assertThat(timeline(new AsOf(day(0).minusMillis(1), ALL), null, null)).isEmpty();
        assertThat(timeline(new AsOf(day(0).minusMillis(1), ALL), 0L, 5)).isEmpty();
    }
}

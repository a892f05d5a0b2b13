package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A comment as its corrections leave it, what each correction changed, and the timeline's sentences about it. */
class CorrectedCommentTest {
    static final Instant RAISED = Instant.parse("2024-06-24T05:12:00Z");
    static final Instant ANSWERED = Instant.parse("2024-06-24T05:40:00Z");
    static final Instant LATER = Instant.parse("2024-06-30T00:00:00Z");
    final List<CommentHistory.Entry> entries = new ArrayList<>();

    void add(DeliberationEvent event) {
        entries.add(new CommentHistory.Entry(entries.size() + 1, "e" + entries.size(), 0, "sato", event));
    }

    void raiseAndAnswer() {
        add(new CommentRaised("d", "d-c1", "#1", "m1", 1, Anchor.page(3), CommentKind.QUESTION, "Why?", null, RAISED));
        add(new CommentResponded("d", "d-c1", "r1", "s1", Disposition.ACCEPTED, "Will do.", ANSWERED));
    }

    @Test
    void aCorrectionAmendsTheCommentForEveryOccurredTimeAndSaysWhatItChanged() {
        raiseAndAnswer();
        CorrectedComment before = CorrectedComment.of(entries);
        RecordCorrected fix = new RecordCorrected("d", "d-c1", null, "m2", Anchor.footnote(7, "3"), null, null, null,
                Instant.parse("2024-06-24T05:10:00Z"), "misheard", "s1", LATER);
        add(fix);
        CorrectedComment after = CorrectedComment.of(entries);
        assertThat(after.authorId()).isEqualTo("m2");
        assertThat(after.anchor()).isEqualTo(Anchor.footnote(7, "3"));
        assertThat(after.kind()).isEqualTo(CommentKind.QUESTION);
        assertThat(after.text()).isEqualTo("Why?");
        assertThat(after.occurredAt()).isEqualTo(Instant.parse("2024-06-24T05:10:00Z"));
        assertThat(after.occurredAtOf(entries.get(0).event())).isEqualTo(Instant.parse("2024-06-24T05:10:00Z"));
        assertThat(after.occurredAtOf(fix)).isNull();
        Map<String, String[]> changes = before.changes(fix);
        assertThat(changes.keySet()).containsExactly("author", "anchor", "occurredAt");
        assertThat(changes.get("author")).containsExactly("m1", "m2");
        assertThat(changes.get("anchor")).containsExactly("p.3", "p.7 fn.3");
        assertThat(changes.get("occurredAt")).containsExactly("2024-06-24T05:12:00Z", "2024-06-24T05:10:00Z");
    }

    @Test
    void aCorrectionOfAResponseAmendsThatResponseAlone() {
        raiseAndAnswer();
        RecordCorrected fix = new RecordCorrected("d", "d-c1", "r1", null, null, null, Disposition.NOTED,
                "Noted.", null, null, "s1", LATER);
        Map<String, String[]> changes = CorrectedComment.of(entries).changes(fix);
        add(fix);
        CorrectedComment after = CorrectedComment.of(entries);
        assertThat(after.responses().get("r1")).isEqualTo(new CorrectedComment.Response("r1", "s1",
                Disposition.NOTED, "Noted.", ANSWERED, 0));
        assertThat(after.text()).isEqualTo("Why?");
        assertThat(changes.keySet()).containsExactly("disposition", "text");
        assertThat(changes.get("disposition")).containsExactly("ACCEPTED", "NOTED");
    }

    @Test
    void aCommitmentHappensWhenItsResponseDidAsCorrected() {
        raiseAndAnswer();
        CommitmentMade made = new CommitmentMade("d", "d-c1", "r1", "d-c1.1", "#1.1", CommitmentKind.REVISE_DRAFT,
                "Add the source", "s1", LocalDate.parse("2024-07-31"), LATER);
        add(made);
        add(new RecordCorrected("d", "d-c1", "r1", null, null, null, null, null,
                Instant.parse("2024-06-24T05:45:00Z"), null, "s1", LATER));
        assertThat(CorrectedComment.of(entries).occurredAtOf(made)).isEqualTo(Instant.parse("2024-06-24T05:45:00Z"));
    }

    @Test
    void theTimelineSaysWhoDidWhatToWhichComment() {
        raiseAndAnswer();
        CommitmentMade made = new CommitmentMade("d", "d-c1", "r1", "d-c1.1", "#1.1", CommitmentKind.REVISE_DRAFT,
                "Add the source", "s1", LocalDate.parse("2024-07-31"), ANSWERED);
        add(made);
        CorrectedComment c = CorrectedComment.of(entries);
        Map<String, String> names = Map.of("m1", "Member One", "s1", "Secretary");
        var sentence = (java.util.function.Function<DeliberationEvent, String>) e -> TimelineEnglish.of(
                TimelineSentence.of(e, c, names::get, id -> id.equals("d-c1.1") ? "#1.1" : id));
        assertThat(sentence.apply(entries.get(0).event())).isEqualTo("Member One raised #1 (QUESTION) on v1 p.3: Why?");
        assertThat(sentence.apply(entries.get(1).event())).isEqualTo("Secretary answered #1: ACCEPTED — Will do.");
        assertThat(sentence.apply(made))
                .isEqualTo("Commitment #1.1 (REVISE_DRAFT) owned by Secretary: Add the source, due 2024-07-31");
        assertThat(sentence.apply(new CommitmentWaived("d", "d-c1", "d-c1.1", "s1", "No longer needed", LATER)))
                .isEqualTo("Secretary waived #1.1: No longer needed");
        assertThat(sentence.apply(new CommentWithdrawn("d", "d-c1", "m1", null, LATER)))
                .isEqualTo("Member One withdrew #1");
        assertThat(TimelineSentence.of(made, c, names::get, id -> "#1.1")).isEqualTo(Phrase.of("timeline.committed",
                "#1.1", Phrase.word("commitmentKind", CommitmentKind.REVISE_DRAFT), "Secretary", "Add the source",
                Phrase.of("timeline.due", "2024-07-31")));
    }
}

package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;

import java.util.function.Function;

/**
 * The sentence an event shows in the timeline, as a {@link Phrase} of the bundles' {@code timeline.*} messages: the
 * pages say it in the reader's language, the API in English ({@link TimelineEnglish}, {@code timeline_v.summary}).
 * A comment's events are said of the comment as corrected.
 */
final class TimelineSentence {
    private TimelineSentence() {
    }

    /**
     * The sentence for a comment's {@code event}; {@code name} gives a participant's name, {@code commitmentReference}
     * a commitment's reference (#12.1) from its id.
     */
    static Phrase of(DeliberationEvent event, CorrectedComment eff, Function<String, String> name,
                     Function<String, String> commitmentReference) {
        String ref = eff.raised().reference();
        if (event instanceof CommentRaised r) {
            return Phrase.of("timeline.raised", name.apply(eff.authorId()), ref, Phrase.word("kind", eff.kind()),
                    String.valueOf(r.draftVersion()), eff.anchor().describe(), eff.text());
        }
        if (event instanceof CommentResponded r) {
            CorrectedComment.Response resp = eff.responses().get(r.responseId());
            return Phrase.of("timeline.responded", name.apply(resp.responderId()), ref,
                    Phrase.word("disposition", resp.disposition()), resp.text());
        }
        if (event instanceof CommitmentMade e) {
            return Phrase.of("timeline.committed", e.reference(), Phrase.word("commitmentKind", e.kind()),
                    name.apply(e.ownerId()), e.description(), Phrase.ifPresent(e.dueDate(), "timeline.due"));
        }
        if (event instanceof ResponseAcknowledged e) {
            return Phrase.of(e.satisfied() ? "timeline.satisfied" : "timeline.notSatisfied", name.apply(e.participantId()),
                    ref, Phrase.ifPresent(e.note(), "timeline.detail"));
        }
        if (event instanceof CommentWithdrawn e) {
            return Phrase.of("timeline.withdrawn", name.apply(e.participantId()), ref,
                    Phrase.ifPresent(e.reason(), "timeline.detail"));
        }
        if (event instanceof CommentReopened e) {
            return Phrase.of("timeline.reopened", name.apply(e.participantId()), ref,
                    Phrase.ifPresent(e.reason(), "timeline.detail"));
        }
        if (event instanceof CommitmentFulfilled e) {
            return Phrase.of("timeline.fulfilled", commitmentReference.apply(e.commitmentId()), String.valueOf(e.version()),
                    Phrase.ifPresent(e.location() == null ? null : e.location().describe(), "timeline.at"));
        }
        if (event instanceof CommitmentConcluded e) {
            return Phrase.of("timeline.concluded", name.apply(e.participantId()),
                    commitmentReference.apply(e.commitmentId()), e.outcome());
        }
        if (event instanceof CommitmentWaived e) {
            return Phrase.of("timeline.waived", name.apply(e.participantId()), commitmentReference.apply(e.commitmentId()),
                    e.reason());
        }
        if (event instanceof RecordCorrected e) {
            return Phrase.of("timeline.corrected", name.apply(e.correctedBy()),
                    e.responseId() == null ? Phrase.text(ref) : Phrase.of("timeline.responseTo", ref),
                    Phrase.ifPresent(e.reason(), "timeline.detail"));
        }
        return Phrase.text(event.getClass().getSimpleName());
    }

    /**
     * The sentence for an event of the deliberation as a whole, or null for one the timeline does not show;
     * {@code name} gives a participant's name as the ledger knew it right before the event.
     */
    static Phrase ofDeliberation(DeliberationEvent event, Function<String, String> name) {
        if (event instanceof DeliberationOpened e) {
            return Phrase.of("timeline.opened", e.title());
        }
        if (event instanceof ParticipantRegistered e) {
            return Phrase.of("timeline.registered", e.name(), Phrase.ifPresent(e.title(), "timeline.title"),
                    Phrase.word("role", e.role()));
        }
        if (event instanceof AliasRegistered e) {
            return Phrase.of("timeline.aliasRegistered", name.apply(e.participantId()), e.alias());
        }
        if (event instanceof TableVocabularySet e) {
            return Phrase.of("timeline.vocabularySet", String.valueOf(e.types().size()),
                    String.valueOf(e.dispositions().size()));
        }
        if (event instanceof MeetingRecorded e) {
            return Phrase.of("timeline.meeting", Phrase.ifPresent(e.number(), "timeline.meetingNumber"),
                    e.title() != null ? e.title() : "", Phrase.ifPresent(e.venue(), "timeline.venue"),
                    String.valueOf(e.attendeeIds().size()));
        }
        if (event instanceof VisibilityChanged e) {
            return Phrase.of(e.publiclyReadable() ? "timeline.madePublic" : "timeline.madeMembersOnly");
        }
        if (event instanceof DraftPublished e) {
            return Phrase.of("timeline.published", String.valueOf(e.version()), e.title(),
                    Phrase.ifPresent(e.pageCount(), "timeline.pages"));
        }
        if (event instanceof RevisionCommitted e) {
            return Phrase.of("timeline.revised", e.illustrative() ? Phrase.of("timeline.illustrative") : Phrase.NONE,
                    name.apply(e.committedBy()), String.valueOf(e.version()), String.valueOf(e.basedOnVersion()),
                    String.valueOf(e.fulfils() == null ? 0 : e.fulfils().size()),
                    e.override() == null ? Phrase.ifPresent(e.summary(), "timeline.detail")
                            : Phrase.of("timeline.both", Phrase.ifPresent(e.summary(), "timeline.detail"),
                            Phrase.of("timeline.override", e.override().reason())));
        }
        return null;
    }
}

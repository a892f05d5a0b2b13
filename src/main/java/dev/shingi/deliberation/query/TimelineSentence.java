package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;

import java.util.function.Function;

/**
 * The English sentence a comment's event shows in the timeline ({@code timeline_v.summary}), said of the comment as
 * corrected. (English only for now: the pages' Japanese timeline wants these from the message bundles, #19.)
 */
final class TimelineSentence {
    private TimelineSentence() {
    }

    /**
     * The sentence for {@code event}; {@code name} gives a participant's name, {@code commitmentReference} a
     * commitment's reference (#12.1) from its id.
     */
    static String of(DeliberationEvent event, CorrectedComment eff, Function<String, String> name,
                     Function<String, String> commitmentReference) {
        String ref = eff.raised().reference();
        if (event instanceof CommentRaised r) {
            return name.apply(eff.authorId()) + " raised " + ref + " (" + eff.kind() + ") on v" + r.draftVersion() + " "
                    + eff.anchor().describe() + ": " + eff.text();
        }
        if (event instanceof CommentResponded r) {
            CorrectedComment.Response resp = eff.responses().get(r.responseId());
            return name.apply(resp.responderId()) + " answered " + ref + ": " + resp.disposition() + " — " + resp.text();
        }
        if (event instanceof CommitmentMade e) {
            return "Commitment " + e.reference() + " (" + e.kind() + ") owned by " + name.apply(e.ownerId()) + ": "
                    + e.description() + (e.dueDate() != null ? ", due " + e.dueDate() : "");
        }
        if (event instanceof ResponseAcknowledged e) {
            return name.apply(e.participantId()) + (e.satisfied() ? " is satisfied with" : " is not satisfied with")
                    + " the response to " + ref + (e.note() != null ? ": " + e.note() : "");
        }
        if (event instanceof CommentWithdrawn e) {
            return name.apply(e.participantId()) + " withdrew " + ref + (e.reason() != null ? ": " + e.reason() : "");
        }
        if (event instanceof CommentReopened e) {
            return name.apply(e.participantId()) + " reopened " + ref + (e.reason() != null ? ": " + e.reason() : "");
        }
        if (event instanceof CommitmentFulfilled e) {
            return "Commitment " + commitmentReference.apply(e.commitmentId()) + " fulfilled by v" + e.version()
                    + (e.location() != null ? " at " + e.location().describe() : "");
        }
        if (event instanceof CommitmentConcluded e) {
            return name.apply(e.participantId()) + " concluded " + commitmentReference.apply(e.commitmentId()) + ": " + e.outcome();
        }
        if (event instanceof CommitmentWaived e) {
            return name.apply(e.participantId()) + " waived " + commitmentReference.apply(e.commitmentId()) + ": " + e.reason();
        }
        if (event instanceof RecordCorrected e) {
            return name.apply(e.correctedBy()) + " corrected " + (e.responseId() == null ? ref : "a response to " + ref)
                    + (e.reason() != null ? ": " + e.reason() : "");
        }
        return event.getClass().getSimpleName();
    }
}

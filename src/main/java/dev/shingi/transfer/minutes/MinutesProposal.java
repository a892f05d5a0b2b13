package dev.shingi.transfer.minutes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Role;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the parser proposes from one minutes document, for a person to review and confirm. Every {@code lines} is
 * {@code [first, last]}, 1-based line numbers of the submitted text. A field the text does not make clear is null, and
 * an entry in {@code uncertain} says why.
 */
public record MinutesProposal(
        Meeting meeting,
        List<Material> materials,
        List<Participant> participants,
        List<Comment> comments,
        List<Response> responses,
        List<Uncertain> uncertain) {

    /** 第N回: title as written, number, date and times (local, as the minutes give them), venue. */
    public record Meeting(String title, Integer number, LocalDate date, LocalTime start, LocalTime end, String venue) {
    }

    /** 配布資料, e.g. number "資料10-1". */
    public record Material(String number, String title) {
    }

    /**
     * An attendee as listed: name, title as glued on (構成員, 企画官 …), role from the block heading or the title.
     * {@code participantId} (added) is the person this is when they are registered elsewhere already (their sign-in
     * name), as a reviewer chose or the one sure match proposed; null for a new person, whose id is generated.
     */
    public record Participant(String name, String title, Role role, String participantId) {
        @JsonCreator
        public Participant {
        }

        /** An attendee as the parser reads them: nobody yet. */
        public Participant(String name, String title, Role role) {
            this(name, title, role, null);
        }
    }

    /** Where in the draft: {@code pages} is [page] or [first, last]; all parts may be null or empty. */
    public record Anchor(List<Integer> pages, String footnote, String section) {
        public static final Anchor NONE = new Anchor(List.of(), null, null);

        @JsonIgnore
        public boolean isEmpty() {
            return (pages == null || pages.isEmpty()) && footnote == null && section == null;
        }
    }

    /** One point raised; {@code author} is a participant's name, {@code ref} is what responses point at ("c3"). */
    public record Comment(String ref, String author, Anchor anchor, CommentKind kind, String text, List<Integer> lines) {
    }

    /** A promise the answer makes: what kind, and the sentence that makes it. */
    public record Commitment(CommitmentKind kind, String description) {
    }

    /**
     * One answer joined to one comment; {@code evidence} is the phrase of the answer that decided the disposition.
     * An answer that covers two points is two responses with the same text. {@code join} says how the parser joined
     * it to {@code commentRef} (null when not joined, or typed in), {@code sure} whether that join is sure: false for
     * a join by place alone ({@link Join#NEAREST}, or {@link Join#ORDER} among several open points), which is also
     * flagged {@code answer-join-unsure}.
     */
    public record Response(String commentRef, String responder, Disposition disposition, Commitment commitment,
                           String evidence, String text, List<Integer> lines, Join join, Boolean sure) {
        @JsonCreator
        public Response {
        }

        /** A response as typed or edited: how it was joined is no longer the parser's. */
        public Response(String commentRef, String responder, Disposition disposition, Commitment commitment,
                        String evidence, String text, List<Integer> lines) {
            this(commentRef, responder, disposition, commitment, evidence, text, lines, null, null);
        }
    }

    /**
     * How an answer was joined to the point it answers: {@code SINGLE} the one open point of the one it answers;
     * {@code ANCHOR} the page, footnote or section it names (「15ページについては」); {@code ORDINAL} 「2点目」;
     * {@code ALL} 「いずれも」 over every open point; {@code ORDER} its place among the answer's parts, as many parts
     * as open points; {@code TOPIC} the words of the point it takes up (「避難所データについては」 ↔ 「…避難所データの…」);
     * {@code NEAREST} none of these: the point just before it (a reported answer), unsure.
     */
    public enum Join {
        SINGLE, ANCHOR, ORDINAL, ALL, ORDER, TOPIC, NEAREST
    }

    /**
     * Something the parser could not decide; the reviewer should look at these lines. {@code reason} says it in
     * English; {@code code} and {@code args} say the same as the message {@code minutes.flag.<code>} of the bundles,
     * which the pages show in the reader's language (an arg that is an enum's name is shown by its label).
     */
    public record Uncertain(List<Integer> lines, String reason, String code, List<String> args) {
        public Uncertain {
            args = args == null ? List.of() : List.copyOf(args);
        }

        static Uncertain of(List<Integer> lines, String reason, String code, Object... args) {
            return new Uncertain(lines, reason, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }
}

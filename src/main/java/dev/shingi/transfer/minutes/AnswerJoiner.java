package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Commitment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.Parts.Part;
import dev.shingi.transfer.minutes.PointReader.Points;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers joined to points: the answering turns in order, each cut into {@link AnswerBlock}s, each part of a block
 * joined by {@link AnswerMatcher} to a point still unanswered, and given its disposition and commitment by
 * {@link Phrases}. A part joined to two points is two responses; a part joined to none is a response to no point.
 */
final class AnswerJoiner {

    /** The responses in order, the flags of each answering turn, and one flag per point that needed an answer and got none. */
    record Answers(List<Response> responses, List<TurnFlag> flags, List<Uncertain> unanswered) {
    }

    private final List<Response> responses = new ArrayList<>();
    private final List<TurnFlag> flags = new ArrayList<>();
    private final Set<String> answered = new HashSet<>();

    private AnswerJoiner() {
    }

    static Answers join(Points points) {
        AnswerJoiner joiner = new AnswerJoiner();
        for (AnswerTurn answer : points.answers()) {
            for (AnswerBlock block : AnswerBlock.of(answer)) {
                block.flags().forEach(f -> joiner.flags.add(new TurnFlag(block.turn(), f)));
                joiner.join(block);
            }
        }
        List<Uncertain> unanswered = new ArrayList<>();
        for (Comment c : points.comments()) {
            if (c.kind().needsResponse() && !joiner.answered.contains(c.ref())) {
                unanswered.add(Uncertain.of(c.lines(), "no answer to " + c.ref() + " (" + c.kind() + ") was found", "unanswered",
                        c.ref(), c.kind()));
            }
        }
        return new Answers(joiner.responses, joiner.flags, unanswered);
    }

    private void join(AnswerBlock b) {
        Turn t = b.by();
        List<Part> parts = Parts.answer(t.said().text(), b.from(), b.to());
        if (parts.isEmpty()) {
            return;
        }
        List<Uncertain> raised = new ArrayList<>();
        List<Comment> open = new ArrayList<>(b.points().stream().filter(c -> !answered.contains(c.ref())).toList());
        if (open.isEmpty() && b.takes() == AnswerBlock.Takes.GIVEN_POINTS) {
            raised.add(Uncertain.of(b.lines(), "the points this answer would take are answered already; not joined",
                    "answer-points-answered"));
        } else if (open.isEmpty() && b.takes() == AnswerBlock.Takes.ADDRESSEES_POINTS) {
            raised.add(Uncertain.of(b.lines(), "answer to " + b.addressee().name()
                    + ", who has no unanswered point at this place; not joined", "answer-addressee-no-open-point",
                    b.addressee().name()));
        }
        Map<Integer, AnswerMatcher.Target> joined = AnswerMatcher.match(b, parts, open, raised);
        String responder = t.speaker() == null ? null : t.speaker().name();
        if (t.speaker() == null) {
            raised.add(Uncertain.of(b.lines(), "responder '" + t.written() + "' is no single attendee; responder left empty",
                    "responder-unclear", t.written()));
        }
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            List<Integer> at = t.said().lines(p.start(), p.end());
            Phrases.Decision d = Phrases.decide(p.text());
            if (d == null) {
                raised.add(Uncertain.of(at, "no phrase of the answer decides its disposition", "disposition-unclear"));
            }
            Commitment commitment = d == null || d.commitment() == null ? null : new Commitment(d.commitment(), d.commitmentSentence());
            AnswerMatcher.Target target = joined.get(k);
            if (target == null) {
                responses.add(new Response(null, responder, d == null ? null : d.disposition(), commitment,
                        d == null ? null : d.evidence(), p.text(), at));
                continue;
            }
            for (int c : target.points()) {
                String ref = open.get(c).ref();
                answered.add(ref);
                responses.add(new Response(ref, responder, d == null ? null : d.disposition(), commitment,
                        d == null ? null : d.evidence(), p.text(), at, target.basis(), target.sure()));
                if (!target.sure()) {
                    raised.add(Uncertain.of(at, "answer joined to " + ref + " by its place alone ("
                            + target.basis().name().toLowerCase(java.util.Locale.ROOT) + ": " + (target.basis()
                            == MinutesProposal.Join.NEAREST ? "the point just before it" : "its order among several open points")
                            + "), not by a page, an ordinal or the point's words: check it", "answer-join-unsure", ref,
                            target.basis().name()));
                }
            }
        }
        raised.forEach(f -> flags.add(new TurnFlag(b.turn(), f)));
    }
}

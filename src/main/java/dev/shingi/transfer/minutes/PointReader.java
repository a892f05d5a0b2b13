package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.Parts.Part;
import dev.shingi.transfer.minutes.TurnReader.Turns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each turn does, and the points raised. A member's turn raises points (one comment per {@link Parts} part, with
 * its anchor and kind); an official's turn, or narrative, that reports a member's written comments raises them on
 * that member's behalf; every other official turn answers, and is handed on as an {@link AnswerTurn}.
 */
final class PointReader {
    /** 「これに対し、事務局から、いずれも反映させていただく旨の回答があった。」. */
    private static final Pattern NARRATIVE_ANSWER = Pattern.compile(
            "(?:これに対し(?:て)?、?)?事務局(?:から|より)、?[^。]*(?:旨の|との)(?:回答|説明)(?:があった|がなされた|を行った)。");

    /**
     * The points in the order raised ({@code ref} c1, c2 … in that order), the answering turns in order, the
     * participants with the absent authors of written comments added, and the flags.
     */
    record Points(List<Comment> comments, List<AnswerTurn> answers, Roster roster, List<TurnFlag> flags) {
    }

    private PointReader() {
    }

    static Points read(Turns turns) {
        return read(turns, null);
    }

    /**
     * As {@link #read(Turns)}; the points of a speaker written only as a title (「（委員）」) are the
     * {@link UnnamedMember} of {@code meeting}, added to the participants once per title and flagged per point.
     */
    static Points read(Turns turns, MinutesProposal.Meeting meeting) {
        Roster roster = turns.roster().copy();
        List<Comment> comments = new ArrayList<>();
        Map<Integer, List<Comment>> raisedIn = new HashMap<>();
        List<AnswerTurn> answers = new ArrayList<>();
        List<TurnFlag> flags = new ArrayList<>();
        int previous = -1;
        int raisingTurns = 0; // turns that raised points since the last answer
        int sinceAnswer = 0; // the points raised since the last answer: comments[sinceAnswer…]
        for (int i = 0; i < turns.turns().size(); i++) {
            Turn t = turns.turns().get(i);
            if (t.said().isEmpty()) {
                continue;
            }
            String s = t.said().text();
            boolean addressed = AnswerBlock.namesAddressee(s);
            Matcher intro = TurnReader.WRITTEN_INTRO.matcher(s);
            if (t.official() && !addressed && intro.find()) {
                raisedIn.put(i, written(i, t, intro, roster, comments, answers, flags));
                raisingTurns++;
            } else if (t.narrative()) {
                continue;
            } else if (addressed) {
                answers.add(new AnswerTurn.Addressed(i, t, roster.copy(), List.copyOf(comments)));
                raisingTurns = 0;
            } else if (t.official() && ReportedSpeech.reportsAnswer(t.opener()) && raisingTurns >= 1) {
                answers.add(new AnswerTurn.ReportedAnswer(i, t, previous < 0 ? null : turns.turns().get(previous).speaker(),
                        List.copyOf(comments.subList(sinceAnswer, comments.size()))));
                raisingTurns = 0;
            } else if (t.official()) {
                answers.add(new AnswerTurn.ToTurnBefore(i, t, previous < 0 ? null : turns.turns().get(previous).speaker(),
                        raisedIn.getOrDefault(previous, List.of()), raisingTurns));
                raisingTurns = 0;
            } else {
                List<Comment> made = raised(i, t, unnamed(t, meeting, roster), comments, flags);
                raisedIn.put(i, made);
                if (!made.isEmpty()) { // a chair's 「御質疑はありますか。」 raises nothing: it makes no second raiser
                    raisingTurns++;
                }
            }
            previous = i;
            if (!answers.isEmpty() && answers.get(answers.size() - 1).turn() == i) {
                sinceAnswer = comments.size();
            }
        }
        return new Points(comments, answers, roster, flags);
    }

    /** The unnamed member a turn of a speaker written only as a title speaks for (added once), else null. */
    private static Participant unnamed(Turn t, MinutesProposal.Meeting meeting, Roster roster) {
        if (t.speaker() != null || !Titles.ANONYMOUS.contains(t.written())) {
            return null;
        }
        Participant u = UnnamedMember.of(t.written(), meeting);
        if (roster.all().stream().noneMatch(p -> p.name().equals(u.name()))) {
            roster.add(u);
        }
        return u;
    }

    /**
     * A member's points, each attributed to the speaker, or to the {@code unnamed} member the speaker stands for
     * (flagged), or left empty (flagged) when the speaker is unclear.
     */
    private static List<Comment> raised(int turn, Turn t, Participant unnamed, List<Comment> comments,
                                        List<TurnFlag> flags) {
        String s = t.said().text();
        List<Comment> made = new ArrayList<>();
        for (Part p : Parts.points(s, 0, s.length())) {
            String ref = "c" + (comments.size() + 1);
            List<Integer> at = t.said().lines(p.start(), p.end());
            String author = t.speaker() != null ? t.speaker().name() : unnamed != null ? unnamed.name() : null;
            Comment c = new Comment(ref, author, Anchors.ofPoint(p, s), Phrases.kind(p.text()), p.text(), at);
            if (unnamed != null) {
                flags.add(new TurnFlag(turn, Uncertain.of(at, ref + " was raised by a member the minutes do not name: "
                        + "it is recorded for '" + unnamed.name() + "', who stands for no one", "author-unnamed", ref,
                        unnamed.name())));
            } else if (t.speaker() == null) {
                flags.add(new TurnFlag(turn, Uncertain.of(at, "author of " + ref + " unclear (speaker '" + t.written() + "')",
                        "author-unclear", ref, t.written())));
            }
            List<Integer> other = Anchors.otherPages(p, c.anchor());
            if (!other.isEmpty()) {
                flags.add(new TurnFlag(turn, Uncertain.of(at, ref + " also names page(s) " + other + ", which its anchor ("
                        + Anchors.describe(c.anchor()) + ") does not hold: split it or mend the anchor", "anchor-several-pages",
                        ref, String.join(", ", other.stream().map(String::valueOf).toList()), Anchors.describe(c.anchor()))));
            }
            comments.add(c);
            made.add(c);
        }
        return made;
    }

    /**
     * Written comments read out or reported: 「欠席の平野構成員から書面で意見をいただいているので代読する。」「欠席の林委員
     * から提出された事前意見について紹介があった。」. What follows is that member's points, up to a reported answer
     * 「これに対し、事務局から…旨の回答があった。」, which answers them.
     */
    private static List<Comment> written(int turn, Turn t, Matcher intro, Roster roster, List<Comment> comments,
                                         List<AnswerTurn> answers, List<TurnFlag> flags) {
        String s = t.said().text();
        List<Integer> at = t.said().lines(intro.start(), intro.end());
        Participant author = submitter(turn, intro.group(1), intro.group(2), at, roster, flags);
        Matcher reply = NARRATIVE_ANSWER.matcher(s);
        reply.region(intro.end(), s.length());
        int to = reply.find() ? reply.start() : s.length();
        List<Comment> made = new ArrayList<>();
        for (Part p : Parts.points(s, intro.end(), to)) {
            Comment c = new Comment("c" + (comments.size() + 1), author == null ? null : author.name(),
                    Anchors.ofPoint(p, s), Phrases.kind(p.text()), p.text(), t.said().lines(p.start(), p.end()));
            comments.add(c);
            made.add(c);
        }
        if (to < s.length()) {
            answers.add(new AnswerTurn.Reported(turn, t, author, to, made));
        }
        return made;
    }

    /** The author of written comments: the attendee so named, else (absent from the meeting) a new participant. */
    private static Participant submitter(int turn, String name, String title, List<Integer> at, Roster roster,
                                         List<TurnFlag> flags) {
        List<Participant> found = roster.named(name, title);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            flags.add(new TurnFlag(turn, Uncertain.of(at, "written comments of '" + name + title + "' match " + found.size()
                    + " attendees; author left empty", "written-author-ambiguous", name + title, found.size())));
            return null;
        }
        Participant p = new Participant(name, title, Titles.roleOf(title));
        roster.add(p);
        flags.add(new TurnFlag(turn, Uncertain.of(at, "written comments of '" + name + title + "', who is not in the attendee "
                + "list (absent); added as " + p.role(), "written-author-absent", name + title, p.role())));
        return p;
    }
}

package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch [{@code from}, {@code to}) of an answering turn that answers one person: {@code addressee} (null when
 * unclear) and the {@code points} it may take, as {@code takes} says. {@code flags} are what was unclear in finding
 * whom it answers; they are listed before the flags of joining it. {@code nearest}: a reported answer
 * (「これに対し、事務局から…旨の回答があった。」), whose parts no rule joins go by topic, else to the points just before.
 */
record AnswerBlock(int turn, Turn by, Participant addressee, int from, int to, List<Integer> lines, Takes takes,
                   List<Comment> points, List<Uncertain> flags, boolean nearest) {

    AnswerBlock(int turn, Turn by, Participant addressee, int from, int to, List<Integer> lines, Takes takes,
                List<Comment> points, List<Uncertain> flags) {
        this(turn, by, addressee, from, to, lines, takes, points, flags, false);
    }

    /** Which points a block may answer. */
    enum Takes {
        /** The addressee's points raised before the answer. */
        ADDRESSEES_POINTS,
        /** The points of the turn before, or of the written comments reported. */
        GIVEN_POINTS,
        /** None: the block is recorded as an answer to no point. */
        NOTHING
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "([^\\s。、「」（）()\\n]{1,20}?)(" + Titles.TITLE_ALTERNATION + ")(?:から)?(?:への|に対する|に対しての)(?:ご)?(?:回答|コメント|返答)(?:です)?[。：:、]");
    private static final Pattern ADDRESS_AT_START = Pattern.compile(
            "(?:^|(?<=[。\\n]))([^\\s。、「」（）()\\n]{1,20}?)(" + Titles.TITLE_ALTERNATION + ")(?:から)?の(?:ご)?(?:質問|指摘|意見|コメント)(?:について|に対して)(?:です)?[。、：:]");

    /** Whether the text names whom it answers: 「蔦構成員への回答。」「上原構成員のご質問について、」. */
    static boolean namesAddressee(String said) {
        return ADDRESS.matcher(said).find() || ADDRESS_AT_START.matcher(said).find();
    }

    /** The blocks of one answering turn, in order; none when the turn says nothing that could answer. */
    static List<AnswerBlock> of(AnswerTurn answer) {
        if (answer instanceof AnswerTurn.Addressed a) {
            return addressed(a);
        }
        Turn t = answer.by();
        String s = t.said().text();
        if (answer instanceof AnswerTurn.Reported r) {
            return List.of(new AnswerBlock(r.turn(), t, r.author(), r.from(), s.length(), t.said().lines(r.from(), s.length()),
                    Takes.GIVEN_POINTS, r.made(), List.of(), true));
        }
        if (answer instanceof AnswerTurn.ReportedAnswer r) {
            if (Parts.points(s, 0, s.length()).isEmpty()) {
                return List.of();
            }
            Participant whose = r.since().stream().map(Comment::author).distinct().count() == 1 ? r.previousSpeaker() : null;
            return List.of(new AnswerBlock(r.turn(), t, whose, 0, s.length(), t.said().lines(0, s.length()),
                    Takes.GIVEN_POINTS, r.since(), List.of(), true));
        }
        AnswerTurn.ToTurnBefore b = (AnswerTurn.ToTurnBefore) answer;
        List<Integer> at = t.said().lines(0, s.length());
        if (Parts.points(s, 0, s.length()).isEmpty()) {
            return List.of();
        }
        // after several members, 「いただいたご意見については」 answers no one in particular
        if (b.raised().isEmpty() || b.raisingTurns() != 1) {
            Uncertain flag = b.raisingTurns() > 1
                    ? Uncertain.of(at, "what " + t.written() + " says names no one it answers, and " + b.raisingTurns()
                            + " speakers raised points since the last answer; not joined",
                            "answer-addressee-none-several", t.written(), b.raisingTurns())
                    : Uncertain.of(at, "what " + t.written() + " says names no one it answers, and no member spoke just "
                            + "before; not joined", "answer-addressee-none", t.written());
            return List.of(new AnswerBlock(b.turn(), t, null, 0, s.length(), at, Takes.NOTHING, List.of(), List.of(flag)));
        }
        return List.of(new AnswerBlock(b.turn(), t, b.previousSpeaker(), 0, s.length(), at, Takes.GIVEN_POINTS, b.raised(),
                List.of()));
    }

    /** Where a turn names an addressee: [start, end) of 「蔦構成員への回答。」, and the name and title as written. */
    private record Mark(int start, int end, String before, String title) {
    }

    /** A turn split at each 「〇〇構成員への回答。」: each block answers that person's points. */
    private static List<AnswerBlock> addressed(AnswerTurn.Addressed a) {
        Turn t = a.by();
        String s = t.said().text();
        List<Mark> marks = new ArrayList<>();
        for (Pattern pattern : List.of(ADDRESS, ADDRESS_AT_START)) {
            Matcher m = pattern.matcher(s);
            while (m.find()) {
                if (marks.stream().noneMatch(x -> x.start() < m.end() && m.start() < x.end())) {
                    marks.add(new Mark(m.start(), m.end(), m.group(1), m.group(2)));
                }
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        List<Uncertain> leading = new ArrayList<>();
        if (marks.get(0).start() > 0) {
            List<Parts.Part> before = Parts.points(s, 0, marks.get(0).start());
            if (!before.isEmpty()) {
                leading.add(Uncertain.of(t.said().lines(before.get(0).start(), before.get(before.size() - 1).end()),
                        "text of " + t.written() + " before the first 「〇〇への回答」 is addressed to no one",
                        "answer-text-before-addressee", t.written()));
            }
        }
        List<AnswerBlock> out = new ArrayList<>();
        for (int k = 0; k < marks.size(); k++) {
            Mark mark = marks.get(k);
            int end = k + 1 < marks.size() ? marks.get(k + 1).start() : s.length();
            List<Integer> at = t.said().lines(mark.start(), end);
            List<Uncertain> flags = new ArrayList<>(k == 0 ? leading : List.of());
            Participant addressee = a.known().endingWith(mark.before(), mark.title());
            if (addressee == null) {
                flags.add(Uncertain.of(at, "answer addressed to '" + mark.title() + "' named '" + mark.before()
                        + "': not exactly one attendee; not joined", "answer-addressee-ambiguous", mark.title(),
                        mark.before()));
                out.add(new AnswerBlock(a.turn(), t, null, mark.end(), end, at, Takes.NOTHING, List.of(), flags));
            } else {
                List<Comment> theirs = a.raisedBefore().stream().filter(c -> addressee.name().equals(c.author())).toList();
                out.add(new AnswerBlock(a.turn(), t, addressee, mark.end(), end, at, Takes.ADDRESSEES_POINTS, theirs, flags));
            }
        }
        return out;
    }
}

package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.AnswerJoiner.Answers;
import dev.shingi.transfer.minutes.MinutesProposal.Material;
import dev.shingi.transfer.minutes.MinutesProposal.Meeting;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.PointReader.Points;
import dev.shingi.transfer.minutes.SourceText.Line;
import dev.shingi.transfer.minutes.TurnReader.Turns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the plain text of summary minutes (議事要旨) as extracted from a PDF and proposes what to record: the meeting,
 * its materials and attendees, every point raised (one comment per 「N ページについて」/「脚注」/「また、」 part) and
 * every answer joined to the point it answers. It never guesses: an author, a joined comment or a disposition the
 * text does not make clear is left null and explained in {@code uncertain}. docs/import-minutes.md has the rules.
 * Pure Java; one instance may be shared.
 *
 * <p>The reading is a pipeline, one stage per class, each handing the next a typed value:
 * <ol>
 *   <li>{@link SourceText}: the text as clean lines that remember their original line numbers;</li>
 *   <li>{@link Items}: the numbered items — title, 日時, 場所, 出席者, 配布資料, 議事概要;</li>
 *   <li>{@link MeetingReader}, {@link AttendeeReader}, {@link MaterialReader}: the header items;</li>
 *   <li>{@link ReportedSpeech}: 「〇〇委員から、…との意見があった。」 rewritten as a speaker line and what was said;</li>
 *   <li>{@link TurnReader}: the proceedings as speaker turns ({@link SpeakerLine} recognises the opening line);</li>
 *   <li>{@link PointReader}: the points each member's turn raises (cut by {@link Parts}, anchored by
 *       {@link Anchors}), and the turns that answer;</li>
 *   <li>{@link AnswerJoiner}: each answer, split by addressee ({@link AnswerBlock}), joined to open points
 *       ({@link AnswerMatcher});</li>
 * </ol>
 * and this class gathers the proposal. Every stage adds what it could not decide to the flags, in document order.
 */
public final class MinutesParser {

    /** A speaker line with what was said on it (「山本委員長)ただ今から…」): a heading of attendees is none. */
    private static boolean opensSaidTurn(Line l, Roster listed) {
        SpeakerLine s = SpeakerLine.of(l.text(), listed);
        return s != null && s.rest().length() > 8;
    }

    /** Parses the text; never throws for odd input (an unreadable part goes to {@code uncertain}). */
    public MinutesProposal parse(String text) {
        List<Line> lines = SourceText.lines(text);
        List<Uncertain> flags = new ArrayList<>();
        Roster listed = new Roster(AttendeeReader.read(Items.of(lines).attendees(), new ArrayList<>()));
        Items items = Items.withProceedingsAtFirstTurn(lines, l -> opensSaidTurn(l, listed));
        Meeting meeting = MeetingReader.read(items, flags);
        Roster attendees = new Roster(AttendeeReader.read(items.attendees(), flags));
        List<Material> materials = MaterialReader.read(items.materials(), flags);
        if (items.proceedings() == null) {
            flags.add(Uncertain.of(SourceText.span(lines),
                    "no 議事概要 (summary of proceedings) item found: no comments read", "no-proceedings"));
            return new MinutesProposal(meeting, materials, attendees.all(), List.of(), List.of(), flags);
        }
        Turns turns = TurnReader.read(ReportedSpeech.expand(items.proceedings()), attendees, flags);
        Points points = PointReader.read(turns, meeting);
        Answers answers = AnswerJoiner.join(points);
        List<TurnFlag> byTurn = new ArrayList<>(points.flags());
        byTurn.addAll(answers.flags());
        byTurn.sort(Comparator.comparingInt(TurnFlag::turn)); // stable: a turn's points' flags stay before its answers'
        byTurn.forEach(f -> flags.add(f.flag()));
        flags.addAll(answers.unanswered());
        return new MinutesProposal(meeting, materials, points.roster().all(), points.comments(), answers.responses(), flags);
    }
}

package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Joined;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where speaker turns are recognised: the proceedings are cut at every {@link SpeakerLine}, each speaker is resolved
 * to an attendee (or added, flagged, when the list lacks them), and what each said is glued into running text with
 * its paragraphs. A turn ends at an agenda item, a rule or 「以上」; narrative between turns is kept only when it
 * reports written comments, as a {@link Turn#NARRATIVE} turn.
 */
final class TurnReader {
    /** 「欠席の平野構成員から書面で意見をいただいている」「林委員から提出された事前意見について紹介があった」. */
    static final Pattern WRITTEN_INTRO = Pattern.compile("([\\p{IsHan}々ヶ]{1,4}?)(" + String.join("|", Titles.MEMBER_TITLES.subList(0, Titles.MEMBER_TITLES.size() - 1))
            + ")(?:から|より)、?[^。]{0,30}?(?:書面|事前|提出|寄せられ)[^。]{0,30}?(?:意見|コメント)[^。]*。"
            + "(?:(?:主な)?(?:内容|意見|コメント)は(?:以下|次)のとおり[^。]*。)?");
    private static final Pattern BULLET = Pattern.compile("^[○◯〇●・•◦]\\s?");
    private static final Pattern TURN_END = Pattern.compile(
            "^(?:◆.*|[(（]\\d{1,2}[)）].*|[①-⑳].*|以上。?|[(（]以上[)）]|[-―ー]{3,}|※.*|(?:事務局)(?:より|から)[^。]*(?:説明|紹介|報告)[^。]*。?)$");

    /** 「(「なし」の声あり)」「-資料1を基に事務局より説明-」: what the record says happened, said by no one. */
    private static final Pattern STAGE_DIRECTION = Pattern.compile("^(?:[(（][^()（）]*「[^」]*」[^()（）]*[)）]|[-－‐][^-－‐]{1,60}[-－‐])$");
    /** 「2 その他」「3.閉会」: an agenda item's heading, numbered, with no sentence on its line (on the text with spaces). */
    private static final Pattern AGENDA_LINE = Pattern.compile(
            "^\\d{1,2}(?:[.．、]\\s?| )(?!ページ|頁|点|つ|月|年|日|時|分|%|名|人|件|行)[^。]{1,40}$");

    /** The turns in order, and the participants with the speakers the attendee list lacked. */
    record Turns(List<Turn> turns, Roster roster) {
    }

    private TurnReader() {
    }

    static Turns read(List<Line> proceedings, Roster attendees, List<Uncertain> flags) {
        Roster roster = attendees.copy();
        List<Turn> turns = new ArrayList<>();
        Turn turn = null;
        boolean skipComment = false; // a lone 「コメント」 under a speaker line is a label, not what was said
        String lastText = "";
        for (Line l : proceedings) {
            SpeakerLine opened = SpeakerLine.of(l.text(), roster);
            if (opened != null) {
                turn = start(opened.written(), l, roster, flags);
                turns.add(turn);
                skipComment = true;
                if (!opened.rest().isEmpty() && !opened.rest().equals("コメント")) {
                    turn.said().add(new Line(l.number(), opened.rest(), false, l.spaceAtEnd()), false);
                    skipComment = false;
                }
                lastText = opened.rest();
                continue;
            }
            if (STAGE_DIRECTION.matcher(l.text()).matches()) {
                continue;
            }
            if (TURN_END.matcher(l.text()).matches() || AGENDA_LINE.matcher(l.spaced()).matches()) {
                turn = null;
                if (!WRITTEN_INTRO.matcher(l.text()).find()) {
                    continue;
                }
            }
            if (turn == null) { // narrative outside any turn: read only when it reports written comments
                turn = new Turn(null, Turn.NARRATIVE, false, l, new Joined());
                turns.add(turn);
            }
            if (skipComment && l.text().equals("コメント")) {
                skipComment = false;
                continue;
            }
            skipComment = false;
            boolean paragraph = l.indented() && (lastText.endsWith("。") || lastText.endsWith("」") || lastText.endsWith("）"));
            Matcher bullet = BULLET.matcher(l.text());
            if (bullet.lookingAt() && bullet.end() < l.text().length()) { // 「○」「・」 items: each one a paragraph
                l = new Line(l.number(), l.text().substring(bullet.end()), false, l.spaceAtEnd());
                paragraph = true;
            }
            turn.said().add(l, paragraph && !turn.said().isEmpty());
            lastText = l.text();
        }
        return new Turns(turns, roster);
    }

    /** A new turn of the speaker as written; an author is named only when exactly one attendee fits. */
    private static Turn start(String written, Line l, Roster roster, List<Uncertain> flags) {
        List<Integer> at = List.of(l.number(), l.number());
        if (written.equals("事務局") || written.equals("担当")) { // 「担当:」: the official in charge, not named
            return new Turn(null, written, true, l, new Joined());
        }
        if (SpeakerLine.secretariatWithName(written)) {
            String inner = written.substring(4, written.length() - 1);
            List<Participant> found = roster.resolve(inner);
            Participant official = found.size() == 1 && found.get(0).role() == Role.SECRETARIAT ? found.get(0) : null;
            return new Turn(official, written, official == null, l, new Joined());
        }
        if (Titles.ANONYMOUS.contains(written)) { // no one: PointReader gives its points to the meeting's unnamed member
            return new Turn(null, written, false, l, new Joined());
        }
        Participant holder = roster.soleHolder(written);
        if (holder != null) {
            return new Turn(holder, written, false, l, new Joined());
        }
        List<Participant> found = roster.resolve(written);
        if (found.size() == 1) {
            return new Turn(found.get(0), written, false, l, new Joined());
        }
        if (found.size() > 1) {
            flags.add(Uncertain.of(at, "speaker '" + written + "' matches " + found.size()
                    + " attendees; author left empty", "speaker-ambiguous", written, found.size()));
            return new Turn(null, written, false, l, new Joined());
        }
        Titles.NameAndTitle nt = Titles.split(written);
        Role role = Titles.roleOf(nt.title());
        if (nt.title() == null || nt.name().isEmpty() || role == null) {
            flags.add(Uncertain.of(at, "speaker '" + written + "' is not an attendee and could not be read as name and title",
                    "speaker-unreadable", written));
            return new Turn(null, written, false, l, new Joined());
        }
        Participant p = new Participant(nt.name(), nt.title(), role);
        roster.add(p);
        flags.add(Uncertain.of(at, "speaker '" + written + "' is not in the attendee list; added as "
                + role + " from the turn's opening line", "speaker-added", written, role));
        return new Turn(p, written, false, l, new Joined());
    }
}

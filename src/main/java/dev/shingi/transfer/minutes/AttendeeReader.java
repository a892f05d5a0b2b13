package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 出席者 item: blocks under headings (【構成員】, （事務局）, 「委員：」), each a list of 「name+title」 entries. The
 * block's heading gives the role; a chair's title overrides it; without a heading the title alone decides.
 */
final class AttendeeReader {
    private static final Pattern HEADING = Pattern.compile("^[【〔［\\[]([^】〕］\\]]{1,40})[】〕］\\]](.*)$");
    /** Attendee block headings written 「委員：安藤座長、…」 or 「（委員）松本部会長、…」; a heading only if it names a role. */
    private static final Pattern SOFT_HEADING = Pattern.compile("^(?:[（(]([^）)]{1,20})[）)]|([^：:、（()）]{1,20})[：:])(.*)$");

    private AttendeeReader() {
    }

    /** 「委員 青木真 石井和子」: a heading word, a space, then the names (on the text with its spaces). */
    private static final Pattern SPACE_HEADING = Pattern.compile("^(委員|構成員|事務局|オブザーバー|専門委員|臨時委員|幹事) (.+)$");
    /** The note that explains marks before names: 「(◎部会長、○副部会長)」. */
    private static final Pattern MARK_NOTE = Pattern.compile("^[(（]([◎○◯〇●][^、,）)]{1,10}(?:[、,][◎○◯〇●][^、,）)]{1,10})*)[)）]$");
    private static final String MARKS = "◎○◯〇●";
    private static final Pattern BULLET = Pattern.compile("^[•・●◦]\\s?");
    /** Counts and notes that are no attendee: 「(14名)」「〔計12名〕」「(後藤副委員長は欠席)」. */
    private static final Pattern NOT_AN_ENTRY = Pattern.compile(
            "[(（〔\\[](?:以上|計)?\\s?\\d+\\s?名[)）〕\\]]|[(（][^()（）]*欠席[^()（）]*[)）]");
    /** 「庶務議事課主任(塚本志保)」: the title, then the name in parentheses. */
    private static final Pattern NAME_IN_PARENTHESES = Pattern.compile("^(.+?)[(（]([\\p{IsHan}々ヶぁ-んァ-ヶ]{2,8})[)）]$");
    /** A word of a title or an affiliation written before the name with a space: 「子ども政策課長」「中部大学教授」. */
    private static final Pattern TITLE_WORD = Pattern.compile(
            ".*(?:長|官|担当|主査|主任|主幹|主事|書記|参事|理事|補佐|教授|講師|代表|委員|市民|監)$"
                    + "|.{2,}(?:部|課|室|局|所|会|協議会|センター|大学|法人|団体|省|庁|府)$");


    static List<Participant> read(List<Line> item, List<Uncertain> flags) {
        List<Participant> out = new ArrayList<>();
        Map<Character, String> marks = new HashMap<>();
        for (Line l : item) {
            Matcher note = MARK_NOTE.matcher(l.text());
            if (note.matches()) {
                for (String m : note.group(1).split("[、,]")) {
                    marks.put(m.charAt(0), m.substring(1).strip());
                }
            }
        }
        String heading = null;
        List<Line> entries = new ArrayList<>();
        for (Line l : item) {
            if (MARK_NOTE.matcher(l.text()).matches()) {
                continue;
            }
            Matcher h = HEADING.matcher(l.text());
            String nextHeading = null;
            String rest = null;
            if (h.matches()) {
                nextHeading = h.group(1);
                rest = l.spaced().replaceFirst("^[【〔［\\[][^】〕］\\]]{1,40}[】〕］\\]]", "").strip();
                Matcher inner = HEADING.matcher(rest);
                if (inner.matches()) { // 「市執行部 【市長公室】」: the nearer heading is the block's
                    nextHeading = inner.group(1);
                    rest = rest.replaceFirst("^[【〔［\\[][^】〕］\\]]{1,40}[】〕］\\]]", "");
                }
            } else {
                Matcher soft = SOFT_HEADING.matcher(l.text());
                String named = soft.matches() ? (soft.group(1) != null ? soft.group(1) : soft.group(2)) : null;
                Matcher space = SPACE_HEADING.matcher(l.spaced());
                if (named != null && roleOfHeading(named) != null) {
                    nextHeading = named;
                    rest = l.spaced().replaceFirst("^(?:[（(][^）)]{1,20}[）)]|[^：:、（()）]{1,20}[：:])", "");
                } else if (space.matches()) {
                    nextHeading = space.group(1);
                    rest = space.group(2);
                }
            }
            if (nextHeading != null) {
                block(heading, entries, marks, out, flags);
                heading = nextHeading;
                entries = new ArrayList<>();
                if (!rest.isBlank()) {
                    entries.add(new Line(l.number(), SourceText.squeeze(rest), false, l.spaceAtEnd(), rest.strip()));
                }
            } else {
                entries.add(l);
            }
        }
        block(heading, entries, marks, out, flags);
        return out;
    }

    private static void block(String heading, List<Line> entries, Map<Character, String> marks, List<Participant> out,
                              List<Uncertain> flags) {
        if (entries.isEmpty() || (heading != null && heading.matches(".*(?:傍聴|欠席).*"))) {
            return; // who listened or stayed away attended nothing
        }
        Role blockRole = heading == null ? (marks.isEmpty() ? null : Role.MEMBER) : roleOfHeading(heading);
        String headingTitle = heading != null && (Titles.CHAIR_TITLES.contains(heading) || heading.startsWith("副"))
                && Titles.MEMBER_TITLES.contains(heading) ? heading : null;
        List<String> all = new ArrayList<>(entries(entries));
        String allTitle = null;
        String last = all.isEmpty() ? "" : NOT_AN_ENTRY.matcher(all.get(all.size() - 1)).replaceAll("").strip();
        if (last.endsWith("の各委員")) { // 「…、岡野、西村の各委員」: every name of the list without a title is a 委員
            all.set(all.size() - 1, last.substring(0, last.length() - 4));
            allTitle = "委員";
        }
        for (String entry : all) {
            person(NOT_AN_ENTRY.matcher(entry).replaceAll("").strip(), heading, headingTitle, allTitle, blockRole, marks,
                    entries, out, flags);
        }
    }

    /** The entries of a block: one per bulleted line, else the lines run together (kept apart by a space). */
    private static List<String> entries(List<Line> lines) {
        boolean bulleted = lines.stream().allMatch(l -> BULLET.matcher(l.spaced()).lookingAt());
        if (bulleted) {
            return lines.stream().map(l -> BULLET.matcher(l.spaced()).replaceFirst("").strip()).toList();
        }
        // names joined by 、: a line break is no separator (「藤原電気通信技術シス」「テム課…」), so lines run on; names kept
        // apart by spaces only (「委員 青木真 石井和子」) are kept apart by a space at a line break too
        boolean separated = lines.stream().anyMatch(l -> l.text().matches(".*[、，,].*"));
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            String t = l.spaced().strip();
            if (!separated && !b.isEmpty() && !t.isEmpty()) {
                b.append(' ');
            }
            b.append(t);
        }
        String all = b.toString();
        return separated ? splitEntries(all) : List.of(all);
    }

    private static void person(String e, String heading, String headingTitle, String allTitle, Role blockRole,
                               Map<Character, String> marks, List<Line> lines, List<Participant> out,
                               List<Uncertain> flags) {
        if (e.isEmpty() || e.matches("^[(（]?以上.*") || e.matches("^(?:\\d+\\s?名|なし|0名)$")) {
            return;
        }
        String markTitle = null;
        if (MARKS.indexOf(e.charAt(0)) >= 0) {
            markTitle = marks.get(e.charAt(0));
            if (markTitle == null) {
                flags.add(Uncertain.of(SourceText.span(lines), "the mark before '" + e + "' is not explained: no title "
                        + "taken from it", "attendee-mark-unexplained", e));
            }
            e = e.substring(1).strip();
        }
        List<Titles.NameAndTitle> people = new ArrayList<>();
        if (blockRole == Role.OBSERVER && !e.endsWith("オブザーバー")) {
            people.add(new Titles.NameAndTitle(SourceText.squeeze(e), null)); // often an organisation: the whole entry
        } else if (e.contains(" ")) {
            people.addAll(spaced(e, lines, flags));
        } else {
            Matcher paren = NAME_IN_PARENTHESES.matcher(e);
            people.add(paren.matches() && TITLE_WORD.matcher(paren.group(1)).matches()
                    && !TITLE_WORD.matcher(paren.group(2)).matches()
                    ? new Titles.NameAndTitle(paren.group(2), paren.group(1)) : Titles.split(e));
        }
        for (Titles.NameAndTitle nt : people) {
            // 【会長】【副会長】 say the title the minutes speak of them by; the affiliation beside it is not it
            String title = markTitle != null ? markTitle : headingTitle != null ? headingTitle
                    : nt.title() != null ? nt.title() : allTitle;
            String name = markTitle != null && nt.title() != null && !Titles.MEMBER_TITLES.contains(nt.title())
                    ? nt.name() + nt.title() : nt.name();
            Role role = (title != null && Titles.CHAIR_TITLES.contains(title))
                    || (headingTitle != null && Titles.CHAIR_TITLES.contains(headingTitle)) ? Role.CHAIR
                    : blockRole != null ? blockRole : Titles.roleOf(title);
            String written = e;
            if (role == null && title != null) { // 参与, 顧問, 大学教授 …: a title that does not say the role
                flags.add(Uncertain.of(SourceText.span(lines), "the title '" + title + "' of attendee '" + written
                        + "' does not tell the role; role left empty: choose it", "role-unknown", written, title));
            } else if (role == null) {
                flags.add(heading == null
                        ? Uncertain.of(SourceText.span(lines), "role of attendee '" + written + "' unknown: heading missing",
                                "attendee-role-no-heading", written)
                        : Uncertain.of(SourceText.span(lines), "role of attendee '" + written + "' unknown: heading 【"
                                + heading + "】 not understood", "attendee-role-heading-unknown", written, heading));
            }
            // names a space keeps apart (「委員 青木真 石井和子」) have no title to tell them from
            if (title == null && blockRole != Role.OBSERVER && !e.contains(" ")) {
                flags.add(Uncertain.of(SourceText.span(lines), "could not tell name from title in '" + written + "'",
                        "attendee-name-title", written));
            }
            if (nt.guessed()) {
                flags.add(Uncertain.of(SourceText.span(lines), "where the name ends in '" + written + "' is not marked: "
                        + "taken as '" + nt.name() + "' (a two-character surname) — check it", "attendee-name-guessed",
                        written, nt.name()));
            }
            out.add(new Participant(name, title, role));
        }
    }

    /**
     * An entry with spaces as written: 「中部大学教授 大河内 修」「子ども政策課 課長 西田 勝己」 (the title first, then
     * the name), or several names kept apart by spaces only (「青木真 石井和子」, titles between them:
     * 「人権推進課長 野口聡 人権推進課主事 森田沙織」). A one-character part belongs to the name before it (「大河内 修」).
     */
    private static List<Titles.NameAndTitle> spaced(String e, List<Line> lines, List<Uncertain> flags) {
        String[] tokens = e.split(" ");
        List<Titles.NameAndTitle> out = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        List<String> names = new ArrayList<>();
        String pendingTitle = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (TITLE_WORD.matcher(t).matches() && !Titles.MEMBER_TITLES.contains(t) || Titles.MEMBER_TITLES.contains(t) && i < tokens.length - 1) {
                if (!names.isEmpty()) {
                    flush(names, pendingTitle, out);
                    names.clear();
                    pendingTitle = null;
                    title.setLength(0);
                }
                title.append(t);
                pendingTitle = title.toString();
            } else if (NAME_IN_PARENTHESES.matcher(t).matches() && TITLE_WORD.matcher(t.substring(0, t.indexOf(t.contains("(") ? '(' : '（'))).matches()) {
                Matcher m = NAME_IN_PARENTHESES.matcher(t);
                m.matches();
                flush(names, pendingTitle, out);
                names.clear();
                title.append(m.group(1));
                out.add(new Titles.NameAndTitle(m.group(2), title.toString()));
                title.setLength(0);
                pendingTitle = null;
            } else if (t.codePointCount(0, t.length()) == 1 && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + " " + t);
            } else if (pendingTitle != null && names.size() == 1 && t.codePointCount(0, t.length()) <= 3
                    && tokens.length - i == 1 && names.get(0).length() <= 3) {
                names.set(0, names.get(0) + " " + t); // 「課長 西田 勝己」: after a title, family and given name
            } else {
                names.add(t);
            }
        }
        flush(names, pendingTitle, out);
        return out;
    }

    private static void flush(List<String> names, String title, List<Titles.NameAndTitle> out) {
        for (String n : names) {
            Titles.NameAndTitle nt = title == null ? Titles.split(n) : new Titles.NameAndTitle(n, title);
            out.add(nt.title() == null && title == null ? new Titles.NameAndTitle(n, null) : nt);
            title = null; // a title stands before the one name that follows it
        }
    }

    static Role roleOfHeading(String heading) {
        if (heading.matches(".*(?:オブザーバ|説明者|発表者|ヒアリング|参考人|ゲスト|プレゼンター|委員外).*")) {
            return Role.OBSERVER;
        }
        if (heading.matches(".*(?:構成員|委員|メンバー|主査|座長|会長).*")) {
            return Role.MEMBER;
        }
        if (heading.matches(".*(?:省|庁|府|事務局|局|部|課|室|機構|センター|理事者|執行部|説明|出席職員).*")) {
            return Role.SECRETARIAT;
        }
        return null;
    }

    /** Splits on 、 ， and , outside parentheses. */
    private static List<String> splitEntries(String all) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder b = new StringBuilder();
        for (char c : all.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (depth == 0 && (c == '、' || c == '，' || c == ',')) {
                out.add(b.toString().strip());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString().strip());
        out.removeIf(String::isEmpty);
        return out;
    }
}

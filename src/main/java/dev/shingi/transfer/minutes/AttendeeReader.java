package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.List;
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

    static List<Participant> read(List<Line> item, List<Uncertain> flags) {
        List<Participant> out = new ArrayList<>();
        String heading = null;
        List<Line> entries = new ArrayList<>();
        for (Line l : item) {
            Matcher h = HEADING.matcher(l.text());
            if (!h.matches()) {
                Matcher soft = SOFT_HEADING.matcher(l.text());
                String named = soft.matches() ? (soft.group(1) != null ? soft.group(1) : soft.group(2)) : null;
                h = named != null && roleOfHeading(named) != null ? soft : null;
            }
            if (h != null) {
                String nextHeading = h.group(1) != null ? h.group(1) : h.group(2);
                String rest = h.groupCount() == 3 ? h.group(3) : h.group(2);
                block(heading, entries, out, flags);
                heading = nextHeading;
                entries = new ArrayList<>();
                if (!rest.isBlank()) {
                    entries.add(new Line(l.number(), rest.strip(), false, l.spaceAtEnd()));
                }
            } else {
                entries.add(l);
            }
        }
        block(heading, entries, out, flags);
        return out;
    }

    private static void block(String heading, List<Line> entries, List<Participant> out, List<Uncertain> flags) {
        if (entries.isEmpty()) {
            return;
        }
        Role blockRole = heading == null ? null : roleOfHeading(heading);
        for (String entry : splitEntries(SourceText.text(entries))) {
            String e = entry.replaceAll("[(（](?:以上)?\\d+名[)）]$", "").strip();
            if (e.isEmpty() || e.matches("^[(（]?以上.*")) {
                continue;
            }
            // an observer is often an organisation: its whole entry is the name
            Titles.NameAndTitle nt = blockRole == Role.OBSERVER && !e.endsWith("オブザーバー")
                    ? new Titles.NameAndTitle(e, null) : Titles.split(e);
            Role role = nt.title() != null && Titles.CHAIR_TITLES.contains(nt.title()) ? Role.CHAIR
                    : blockRole != null ? blockRole : Titles.roleOf(nt.title());
            if (role == null) {
                flags.add(heading == null
                        ? Uncertain.of(SourceText.span(entries), "role of attendee '" + e + "' unknown: heading missing",
                                "attendee-role-no-heading", e)
                        : Uncertain.of(SourceText.span(entries), "role of attendee '" + e + "' unknown: heading 【"
                                + heading + "】 not understood", "attendee-role-heading-unknown", e, heading));
            }
            if (nt.title() == null && blockRole != Role.OBSERVER) {
                flags.add(Uncertain.of(SourceText.span(entries), "could not tell name from title in '" + e + "'",
                        "attendee-name-title", e));
            }
            out.add(new Participant(nt.name(), nt.title(), role));
        }
    }

    static Role roleOfHeading(String heading) {
        if (heading.matches(".*(?:オブザーバ|説明者|発表者|ヒアリング|参考人|ゲスト|プレゼンター).*")) {
            return Role.OBSERVER;
        }
        if (heading.matches(".*(?:構成員|委員|メンバー|主査|座長|会長).*")) {
            return Role.MEMBER;
        }
        if (heading.matches(".*(?:省|庁|府|事務局|局|部|課|室|機構|センター).*")) {
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

package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Participant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that opens a speaker's turn: the speaker as written (「蔦構成員」「佐藤企画官」「事務局」「委員」) and the rest of
 * the line. Forms: 「蔦構成員）」, 「【蔦構成員】」, 「【事務局（山田参事官）】」, 「（蔦構成員）」, 「（委員）」 (a speaker given
 * only by a title), 「○蔦構成員　text」 (an attendee's name and title after a bullet), and the written-submission
 * forms 「山本委員（書面））」「【山本臨時委員（書面）】」. A bracket holds a speaker only when it reads as one — a name
 * and title, the secretariat, or an attendee — so that 【議題】 headings stay text.
 */
record SpeakerLine(String written, String rest) {

    private static final Pattern OPENER = Pattern.compile(
            "^([^（(）)「」。、\\s]{1,30}?)(?:[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）])?[)）](.*)$");
    private static final Pattern BRACKET_OPENER = Pattern.compile(
            "^[【\\[［]([^】\\]］（(]{1,30}?)(?:[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）]|からの書面(?:意見|コメント)|書面(?:意見|コメント))[】\\]］](.*)$");
    private static final Pattern PLAIN_BRACKET_OPENER = Pattern.compile("^[【\\[［]([^】\\]］]{1,40})[】\\]］](.*)$");
    private static final Pattern PAREN_OPENER = Pattern.compile("^[（(]([^（()）]{1,20}(?:[（(][^（()）]{1,20}[）)])?)[）)](.*)$");
    private static final Pattern BULLET_OPENER = Pattern.compile("^[○◯〇●]\\s?(.+)$");
    /** 「委員:」「担当:」「事務局：」「佐藤副会長：text」「江口部会長:text」: a speaker, a colon, what was said. */
    private static final Pattern COLON_OPENER = Pattern.compile("^([^：:、。「」（()）\\s【】]{1,30}?)[:：](.*)$");
    private static final Pattern SECRETARIAT_SAME_LINE = Pattern.compile("^(事務局(?:[（(][^）)]{1,30}[）)])?)");
    private static final String WRITTEN_MARK = "^[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）]";
    /** After a name at the start of a bulleted line, a particle means the name is talked about, not speaking. */
    private static final String PARTICLE_AFTER_NAME = "のがはにへとをもやかよ、。";
    private static final Pattern HAN_NAME_WITH_TITLE = Pattern.compile("^[\\p{IsHan}々ヶ]{1,4}(?:" + Titles.TITLE_ALTERNATION + ")$");

    /** The speaker line {@code text} is, judged against the participants known so far; null when it opens no turn. */
    static SpeakerLine of(String text, Roster roster) {
        Matcher b = BRACKET_OPENER.matcher(text);
        if (b.matches() && looksLikeSpeaker(b.group(1), roster)) {
            return new SpeakerLine(b.group(1), b.group(2).strip());
        }
        Matcher pb = PLAIN_BRACKET_OPENER.matcher(text);
        if (pb.matches() && (secretariatWithName(pb.group(1)) || Titles.ANONYMOUS.contains(pb.group(1))
                || looksLikeSpeaker(pb.group(1), roster))) {
            return new SpeakerLine(pb.group(1), pb.group(2).strip());
        }
        Matcher pp = PAREN_OPENER.matcher(text);
        if (pp.matches() && (secretariatWithName(pp.group(1)) || Titles.ANONYMOUS.contains(pp.group(1))
                || roster.soleHolder(pp.group(1)) != null || looksLikeSpeaker(pp.group(1), roster))) {
            return new SpeakerLine(pp.group(1), pp.group(2).strip());
        }
        Matcher m = OPENER.matcher(text);
        if (m.matches() && looksLikeSpeaker(m.group(1), roster)) {
            return new SpeakerLine(m.group(1), m.group(2).strip());
        }
        Matcher colon = COLON_OPENER.matcher(text);
        if (colon.matches() && (secretariatWithName(colon.group(1)) || Titles.ANONYMOUS.contains(colon.group(1))
                || colon.group(1).equals("担当") || looksLikeSpeaker(colon.group(1), roster))) {
            return new SpeakerLine(colon.group(1), colon.group(2).strip());
        }
        Matcher bullet = BULLET_OPENER.matcher(text);
        return bullet.matches() ? afterBullet(bullet.group(1), roster) : null;
    }

    /** 「○事務局（…）text」, or 「○」 and the longest attendee's name and title the line starts with. */
    private static SpeakerLine afterBullet(String after, Roster roster) {
        Matcher sec = SECRETARIAT_SAME_LINE.matcher(after);
        if (sec.lookingAt()) {
            return new SpeakerLine(sec.group(1), after.substring(sec.end()).strip());
        }
        String best = null;
        for (Participant p : roster.all()) {
            if (p.title() == null || p.name().isEmpty()) {
                continue;
            }
            for (String written : List.of(p.name() + p.title(), p.name() + Titles.shortTitle(p.title()))) {
                if (after.startsWith(written) && (best == null || written.length() > best.length())) {
                    best = written;
                }
            }
        }
        if (best != null) {
            String rest = after.substring(best.length());
            if (rest.isEmpty() || PARTICLE_AFTER_NAME.indexOf(rest.charAt(0)) < 0) {
                return new SpeakerLine(best, rest.replaceFirst(WRITTEN_MARK, "").strip());
            }
        }
        return null;
    }

    /** 「事務局（山田参事官）」: the secretariat, speaking through a named official. */
    static boolean secretariatWithName(String written) {
        return written.equals("事務局") || written.matches("^事務局[（(][^）)]{1,30}[）)]$");
    }

    private static boolean looksLikeSpeaker(String written, Roster roster) {
        if (written.equals("事務局") || HAN_NAME_WITH_TITLE.matcher(written).matches()) {
            return true;
        }
        return roster.resolve(written).size() == 1 || roster.soleHolder(written) != null;
    }
}

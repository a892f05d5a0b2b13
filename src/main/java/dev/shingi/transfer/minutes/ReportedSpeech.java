package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minutes that report what was said instead of quoting speakers: 「中村部会長から、…との意見があった。」「構成員から、
 * …との指摘があった。これに対し、事務局から、…旨の回答があった。」. Each reported sentence becomes a speaker line
 * (「【中村部会長】」, 「【構成員】」, 「【事務局】」) and its content without the reporting frame, on the same original line, so
 * that {@link TurnReader} reads it as any other turn. An answer is read so only right after a reported point (the
 * written comments an official reads out keep their own reading in {@link PointReader}).
 */
final class ReportedSpeech {
    private static final String MEMBER = "[\\p{IsHan}々ヶ]{1,4}(?:" + Titles.TITLE_ALTERNATION + ")|委員|構成員|専門委員|臨時委員|オブザーバー";
    private static final String OFFICIAL = "事務局|[\\p{IsHan}々ヶ]{1,4}(?:課長|室長|参事官|企画官|部長|局長|審議官|課長補佐)";
    private static final Pattern POINT = Pattern.compile("^(?:[・○◯〇●]\\s?)?(?:また|さらに|次に|続いて)?、?(" + MEMBER + ")(?:から|より)、?");
    private static final Pattern ANSWER = Pattern.compile("^(?:これに対し(?:て)?、?)?(" + OFFICIAL + ")(?:から|より)、?");
    /** 「…との意見があった。」「…旨の回答があった。」: the frame, removed from what was said. */
    private static final Pattern FRAME = Pattern.compile(
            "(?:との|という|旨の)(?:ご)?(?:意見|指摘|質問|要望|発言|提案|回答|説明|コメント)(?:等)?(?:があった|が出された|が示された|がなされた|がされた|があり)(?=。)");

    private ReportedSpeech() {
    }

    /** What closes a reported turn for {@link TurnReader} (a line it reads as a turn's end and drops). */
    private static final String END = "以上";

    static List<Line> expand(List<Line> proceedings) {
        List<Line> out = new ArrayList<>();
        boolean afterPoint = false; // the last sentence reported a point: 「これに対し、事務局から…」 may answer it
        boolean open = false; // the last reported sentence runs on to the next line
        boolean inReported = false; // lines belong to a reported sentence's turn
        for (int i = 0; i < proceedings.size(); i++) {
            Line l = proceedings.get(i);
            String text = l.text();
            List<Line> pieces = new ArrayList<>();
            int from = 0;
            if (open) { // the rest of a reported sentence, up to its 。
                int end = text.indexOf('。');
                String tail = end < 0 ? text : text.substring(0, end + 1);
                pieces.add(new Line(l.number(), FRAME.matcher(tail).replaceFirst(""), false, l.spaceAtEnd()));
                from = tail.length();
                open = end < 0;
            }
            while (!open && from < text.length()) {
                String rest = text.substring(from);
                Matcher point = POINT.matcher(rest);
                Matcher answer = ANSWER.matcher(rest);
                Matcher who = point.lookingAt() && framed(rest, proceedings, i) ? point
                        : afterPoint && answer.lookingAt() && framed(rest, proceedings, i) ? answer : null;
                if (who == null) {
                    if (inReported) { // narrative after a reported sentence is no part of it
                        pieces.add(new Line(l.number(), END, false, false));
                        inReported = false;
                        afterPoint = false;
                    }
                    pieces.add(from == 0 ? l : new Line(l.number(), rest, false, l.spaceAtEnd()));
                    break;
                }
                afterPoint = who == point;
                inReported = true;
                // the speaker line keeps the words it stands for (「これに対し、事務局から、」): see reportsAnswer
                pieces.add(new Line(l.number(), "【" + who.group(1) + "】", false, false, rest.substring(0, who.end())));
                int end = rest.indexOf('。', who.end());
                String said = end < 0 ? rest.substring(who.end()) : rest.substring(who.end(), end + 1);
                pieces.add(new Line(l.number(), FRAME.matcher(said).replaceFirst(""), false, end < 0 && l.spaceAtEnd()));
                open = end < 0;
                from += end < 0 ? rest.length() : end + 1;
            }
            out.addAll(pieces);
        }
        return out;
    }

    /** Whether a turn's opening line is one this stage made of a reported answer (「これに対し、事務局から、…旨の回答があった。」). */
    static boolean reportsAnswer(Line opener) {
        return opener.text().startsWith("【") && ANSWER.matcher(opener.spaced()).lookingAt();
    }

    /** Whether the sentence starting {@code rest} (running on over the next lines) ends in a reporting frame. */
    private static boolean framed(String rest, List<Line> lines, int i) {
        StringBuilder b = new StringBuilder(rest);
        for (int j = i + 1; b.indexOf("。") < 0 && j < lines.size() && j <= i + 5; j++) {
            b.append(lines.get(j).text());
        }
        int end = b.indexOf("。");
        return FRAME.matcher(end < 0 ? b : b.substring(0, end + 1)).find();
    }
}

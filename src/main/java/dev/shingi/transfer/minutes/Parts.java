package dev.shingi.transfer.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What was said in a turn, cut into sentences and grouped into parts: one part per point a member raises, or per
 * point an answer takes up. A part starts at a paragraph, a 「また、」-style connective, an ordinal (「2点目」「②」) or a
 * sentence opening with a topic anchor (「15 ページについて」); in an answer also at a sentence that opens with its own
 * topic (「新聞報道の件については、」). Sentences that carry no point (thanks, 「以上です」) are dropped.
 */
final class Parts {
    private static final Pattern CONNECTIVES = Pattern.compile(
            "^(?:(?:まず|次に|また|最後に|続いて|それから|あと|加えて|あわせて|併せて|同じく|もう\\d+点|もう一点|ご指摘の|ご質問の|ご意見の|[①-⑳])[、,]?)*");
    private static final Pattern NEW_POINT = Pattern.compile(
            "^(?:また|次に|最後に|続いて|それから|あと|加えて|もう\\d+点|もう一点)[、,]|^(?:\\d+|一|二|三|四|五)(?:点目|つ目)|^[①-⑳]");
    private static final Pattern TOPIC_START = Pattern.compile("^(?!この|その|同|当該|これ|それ)[^。、]{1,30}?(?:について|に関して)(?:は、?|、)");

    private Parts() {
    }

    /** A sentence of a turn: [start, end) in the turn's text, and whether a paragraph begins with it. */
    record Sentence(int start, int end, boolean paragraph) {
    }

    /** A run of sentences that make one point (or one part of an answer); [start, end) in the turn's text. */
    /**
     * {@code context}: the anchor of a sentence announcing the points that follow (「資料の5ページ,…について,2点伺います。」),
     * dropped as no point itself; a point of its own without an anchor takes it. Null when there is none.
     */
    record Part(int start, int end, String text, List<Sentence> sentences, MinutesProposal.Anchor context) {
        Part(int start, int end, String text, List<Sentence> sentences) {
            this(start, end, text, sentences, null);
        }


        /** The part's first sentence as written in {@code said}, the turn's text. */
        String first(String said) {
            return said.substring(sentences.get(0).start(), sentences.get(0).end());
        }
    }

    /** The points a member raises in {@code said} between {@code from} and {@code to}. */
    static List<Part> points(String said, int from, int to) {
        return parts(said, from, to, false);
    }

    /** The parts of an answer in {@code said} between {@code from} and {@code to}. */
    static List<Part> answer(String said, int from, int to) {
        return parts(said, from, to, true);
    }

    /** The sentence without its leading connectives (「また、」「まず、」「②」). */
    static String withoutConnectives(String sentence) {
        return CONNECTIVES.matcher(sentence).replaceFirst("");
    }

    static List<Sentence> sentences(String s) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        boolean paragraph = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (i > start) {
                    out.add(new Sentence(start, i, paragraph));
                }
                start = i + 1;
                paragraph = true;
            } else if (c == '。') {
                int end = i + 1;
                while (end < s.length() && "」』）)".indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                out.add(new Sentence(start, end, paragraph));
                paragraph = false;
                start = end;
                i = end - 1;
            }
        }
        if (start < s.length() && !s.substring(start).isBlank()) {
            out.add(new Sentence(start, s.length(), paragraph));
        }
        return out;
    }

    private static List<Part> parts(String s, int from, int to, boolean answer) {
        List<Part> out = new ArrayList<>();
        List<Sentence> run = new ArrayList<>();
        MinutesProposal.Anchor context = null;
        for (Sentence x : sentences(s.substring(0, to))) {
            if (x.start() < from) {
                continue;
            }
            String text = s.substring(x.start(), x.end());
            if (Phrases.filler(text)) {
                if (!answer && Phrases.announcesPoints(text)) {
                    List<MinutesProposal.Anchor> topic = Anchors.topic(text, true);
                    context = topic.isEmpty() ? null : topic.get(0);
                }
                continue;
            }
            if (!run.isEmpty() && (x.paragraph() || startsNewPoint(text)
                    || (answer && TOPIC_START.matcher(withoutConnectives(text.strip())).find()))) {
                out.add(part(s, run, context));
                run = new ArrayList<>();
            }
            run.add(x);
        }
        if (!run.isEmpty()) {
            out.add(part(s, run, context));
        }
        return out;
    }

    private static Part part(String s, List<Sentence> run, MinutesProposal.Anchor context) {
        int start = run.get(0).start();
        int end = run.get(run.size() - 1).end();
        StringBuilder b = new StringBuilder();
        run.forEach(x -> b.append(s, x.start(), x.end()));
        return new Part(start, end, b.toString().replace("\n", "").strip(), run, context);
    }

    private static boolean startsNewPoint(String sentence) {
        String t = sentence.strip();
        return NEW_POINT.matcher(t).find() || !Anchors.topic(t, true).isEmpty();
    }
}

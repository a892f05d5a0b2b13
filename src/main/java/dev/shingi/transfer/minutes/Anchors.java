package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.Parts.Part;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the draft a sentence points: pages (「15 ページ」「18～19 頁」「p.7」), footnotes (「脚注 14」「注5」), and
 * section headings (「「おわりに」の部分」「「第2章…」」). A sentence's topic anchor is one it opens with; a point's
 * anchor is its topic anchor, else the first anchor it mentions.
 */
final class Anchors {
    private static final String PAGE_RANGE = "(\\d{1,4})(?:\\s?[～~〜\\-–]\\s?(\\d{1,4}))?";
    private static final Pattern ANCHOR = Pattern.compile(
            "(?:(?<![A-Za-z])[pP]{1,2}\\.?\\s?" + PAGE_RANGE + "|" + PAGE_RANGE + "\\s?(?:ページ|頁)(?:目)?)"
                    + "(?:\\s?(?:の)?(?:脚注|注)\\s?(\\d{1,4}))?|(?:脚注|(?<!\\p{IsHan})注)\\s?(\\d{1,4})");
    private static final Pattern SECTION = Pattern.compile(
            "「((?:はじめに|おわりに|終わりに|まとめ|結び|むすび|第\\d+章[^」]{0,20}|第\\d+節[^」]{0,20}|\\d+(?:\\.\\d+)+\\s?[^」]{0,20}))」"
                    + "|「((?:今後の[^」]{1,12}|現状と課題|基本的(?:な)?考え方|背景と目的|検討の背景))」"
                    + "|「([^」]{1,20})」の(?:章|節|部分|項目|箇所)"
                    + "|(はじめに|おわりに|終わりに)(?:の(?:部分|章|節|ところ|箇所))");
    private static final Pattern TOPIC = Pattern.compile("^[^。]{0,20}?(?:について|に関して|に関する|に対して|に対する|の件|のご指摘|のご意見|のコメント|のご質問|の点|では|は、)");
    /**
     * Figures, tables, chapters, numbered sections, annexes and line references, kept as the anchor's section:
     * 「図3」「表2」「第3章」「3.2節」「別紙」「別紙2」「12行目」. Not inside a word (「代表2名」).
     */
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{IsHan}])(?:(図|表)\\s?(\\d{1,3}(?:[-.]\\d{1,3})?)|第(\\d{1,2})章|(\\d{1,2}(?:\\.\\d{1,2})+)節|(別紙|別添|別表)(\\d{0,2})"
                    + "|(\\d{1,3})行目)");
    /** 「17ページから18ページ」「17頁～18頁」 are one range, written as 「17～18ページ」 before the anchors are read. */
    private static final Pattern SPELLED_RANGE = Pattern.compile("(\\d{1,4})\\s?(?:ページ|頁)\\s?(?:から|～|~|〜|-)\\s?(\\d{1,4})\\s?(ページ|頁)");
    private static final Pattern ANCHOR_JOINER = Pattern.compile("^(?:及び|および|と|、|並びに|や|,|並びに|から)");

    private Anchors() {
    }

    /**
     * Anchors a sentence opens with as its topic: 「15 ページについて」「18～19 ページ及び 24 ページについては」「脚注 14 の…」.
     * {@code lenient} (a member's point): an anchor that opens the sentence is its topic whatever follows
     * (「23ページ脚注9の出典が…」「20ページ、用語を…」); in an answer only before について/に関して/の件….
     */
    static List<Anchor> topic(String sentence, boolean lenient) {
        String t = ranges(Parts.withoutConnectives(sentence.strip()));
        t = t.replaceFirst("^(?:\\d+|一|二|三|四|五)(?:点目|つ目)(?:の|は|として|に|、)*", "");
        t = t.replaceFirst("^(?:ご指摘の|ご質問の|ご意見の|資料の|本文の|案の|(?:参考)?資料\\d+(?:-\\d+)*の)", "");
        List<Anchor> found = new ArrayList<>();
        int p = 0;
        int afterAnchor = 0;
        while (true) {
            Matcher a = ANCHOR.matcher(t);
            a.region(p, t.length());
            if (!a.lookingAt()) {
                break;
            }
            found.add(anchor(a, t));
            p = withFigure(a, t);
            afterAnchor = p;
            Matcher j = ANCHOR_JOINER.matcher(t);
            j.region(p, t.length());
            if (!j.lookingAt()) {
                break;
            }
            p = j.end();
        }
        if (found.isEmpty()) {
            Matcher sec = SECTION.matcher(t);
            Matcher fig = FIGURE.matcher(t);
            if (sec.lookingAt()) {
                found.add(new Anchor(List.of(), null, section(sec)));
                p = sec.end();
            } else if (fig.lookingAt()) {
                found.add(new Anchor(List.of(), null, figure(fig)));
                p = fig.end();
                afterAnchor = p;
            } else {
                return List.of();
            }
        }
        Matcher topic = TOPIC.matcher(t);
        topic.region(p, t.length());
        if (topic.lookingAt()) {
            return found;
        }
        return lenient && afterAnchor > 0 && afterAnchor < t.length() && "のでにはがを、,".indexOf(t.charAt(afterAnchor)) >= 0
                ? found : List.of();
    }

    /** The anchor of a point raised: its topic anchor, else the first anchor of its first sentence, else of the part. */
    static Anchor ofPoint(Part part, String said) {
        String first = ranges(part.first(said));
        List<Anchor> topic = topic(first, true);
        if (!topic.isEmpty()) {
            return topic.get(0);
        }
        Matcher a = ANCHOR.matcher(first);
        if (a.find()) {
            return anchor(a, first);
        }
        Matcher sec = SECTION.matcher(first);
        if (sec.find()) {
            return new Anchor(List.of(), null, section(sec));
        }
        Matcher fig = FIGURE.matcher(first);
        if (fig.find()) {
            return new Anchor(List.of(), null, figure(fig));
        }
        String all = ranges(part.text());
        Matcher later = ANCHOR.matcher(all); // 「…在り方を記載していただけないか（p.30）。」 after a first sentence
        return later.find() ? anchor(later, all) : part.context() != null ? part.context() : Anchor.NONE;
    }

    /**
     * Pages a point names besides its anchor's (「12ページと15ページの両方で」): an anchor holds one page or one run of
     * pages, so these are not recorded and the point is flagged. Empty when the point names no other page.
     */
    static List<Integer> otherPages(Part part, Anchor chosen) {
        String all = ranges(part.text());
        Matcher a = ANCHOR.matcher(all);
        List<Integer> other = new ArrayList<>();
        while (a.find()) {
            for (Integer page : anchor(a, all).pages()) {
                boolean inside = !chosen.pages().isEmpty() && page >= chosen.pages().get(0)
                        && page <= chosen.pages().get(chosen.pages().size() - 1);
                if (!inside && !other.contains(page)) {
                    other.add(page);
                }
            }
        }
        return other;
    }

    private static String ranges(String s) {
        return SPELLED_RANGE.matcher(s).replaceAll("$1～$2$3");
    }

    /** How a flag names an anchor: 「p.15」「pp.18–19 fn.40」「§おわりに」. */
    static String describe(Anchor a) {
        StringBuilder b = new StringBuilder();
        if (!a.pages().isEmpty()) {
            b.append(a.pages().size() == 1 ? "p." + a.pages().get(0) : "pp." + a.pages().get(0) + "–" + a.pages().get(1));
        }
        if (a.footnote() != null) {
            b.append(b.isEmpty() ? "" : " ").append("fn.").append(a.footnote());
        }
        if (a.section() != null) {
            b.append(b.isEmpty() ? "" : " ").append("§").append(a.section());
        }
        return b.toString();
    }

    private static String section(Matcher sec) {
        for (int g = 1; g <= sec.groupCount(); g++) {
            if (sec.group(g) != null) {
                return sec.group(g);
            }
        }
        return null;
    }

    /** Where a page anchor ends, a figure or table right after it included (「11ページの表3」). */
    private static int withFigure(Matcher a, String s) {
        Matcher f = figureAfter(a, s);
        return f == null ? a.end() : f.end();
    }

    private static Matcher figureAfter(Matcher a, String s) {
        if (a.group(1) == null && a.group(3) == null) {
            return null; // a footnote alone
        }
        int from = a.end() + (a.end() < s.length() && s.charAt(a.end()) == 'の' ? 1 : 0);
        Matcher f = FIGURE.matcher(s);
        f.region(from, s.length());
        return f.lookingAt() ? f : null;
    }

    private static String figure(Matcher f) {
        if (f.group(1) != null) {
            return f.group(1) + f.group(2);
        }
        if (f.group(3) != null) {
            return "第" + f.group(3) + "章";
        }
        if (f.group(4) != null) {
            return f.group(4) + "節";
        }
        if (f.group(5) != null) {
            return f.group(5) + f.group(6);
        }
        return f.group(7) + "行目";
    }

    private static Anchor anchor(Matcher a, String s) {
        Anchor plain = anchor(a);
        Matcher f = figureAfter(a, s);
        return f == null ? plain : new Anchor(plain.pages(), plain.footnote(), figure(f));
    }

    private static Anchor anchor(Matcher a) {
        String from = a.group(1) != null ? a.group(1) : a.group(3);
        String to = a.group(1) != null ? a.group(2) : a.group(4);
        String footnote = a.group(5) != null ? a.group(5) : a.group(6);
        List<Integer> pages = from == null ? List.of()
                : to == null || to.equals(from) ? List.of(Integer.valueOf(from)) : List.of(Integer.valueOf(from), Integer.valueOf(to));
        return new Anchor(pages, footnote, null);
    }
}

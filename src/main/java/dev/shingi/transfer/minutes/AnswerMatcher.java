package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.Parts.Part;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which open point each part of one answer block answers, in four rules tried in turn: the part's topic anchor
 * names exactly one open point (「15 ページについては、」); it names one by order (「2点目は」); a lone part covers every
 * point left (「いずれも」「2点とも」); else a run of unjoined parts takes, in order, the points between its
 * neighbours' points, when there are exactly as many. A part no rule joins is flagged and stays unjoined — except in
 * a reported answer ({@link AnswerBlock#nearest()}): there it takes the point whose words it shares ({@link Topics}),
 * else the point just before it, unsure. Each join says how it was made ({@link Target}).
 */
final class AnswerMatcher {
    /** The open points (indexes into {@code open}) a part answers, how that was told, and whether it is sure. */
    record Target(List<Integer> points, MinutesProposal.Join basis, boolean sure) {
        static Target sure(List<Integer> points, MinutesProposal.Join basis) {
            return new Target(points, basis, true);
        }
    }

    private static final Pattern ORDINAL = Pattern.compile("^(\\d+|一|二|三|四|五)(?:点目|つ目|番目)");
    private static final Pattern COVER_ALL = Pattern.compile("いずれも|どちらも|両方|(?:\\d+|二|三|2|3)点(?:とも|について|いずれも|ご指摘)|いただいた(?:\\d+|二|三)点|いずれの(?:点|ご指摘)");

    private AnswerMatcher() {
    }

    /** Part index → the open points that part answers; parts without an entry answer no point. */
    static Map<Integer, Target> match(AnswerBlock b, List<Part> parts, List<Comment> open, List<Uncertain> flags) {
        Turn t = b.by();
        String s = t.said().text();
        String whose = b.addressee() == null ? "the turn before" : b.addressee().name();
        Map<Integer, Target> joined = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        Set<Integer> failed = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (open.isEmpty()) {
                failed.add(i);
                continue;
            }
            Part p = parts.get(i);
            String first = p.first(s).strip();
            List<Anchor> anchors = Anchors.topic(first, false);
            if (!anchors.isEmpty()) {
                List<Integer> hits = new ArrayList<>();
                for (Anchor a : anchors) {
                    Integer hit = byAnchor(a, open, used);
                    if (hit == null) {
                        failed.add(i);
                        flags.add(Uncertain.of(t.said().lines(p.start(), p.end()), "answer part about "
                                + Anchors.describe(a) + " matches not exactly one open point of " + whose + "; not joined",
                                "answer-part-anchor-ambiguous", Anchors.describe(a), whose));
                        hits.clear();
                        break;
                    }
                    hits.add(hit);
                }
                if (!hits.isEmpty()) {
                    used.addAll(hits);
                    joined.put(i, Target.sure(hits, MinutesProposal.Join.ANCHOR));
                }
                continue;
            }
            Matcher ord = ORDINAL.matcher(Parts.withoutConnectives(first));
            if (ord.find()) {
                int n = ordinal(ord.group(1)) - 1;
                if (n >= 0 && n < open.size() && !used.contains(n)) {
                    used.add(n);
                    joined.put(i, Target.sure(List.of(n), MinutesProposal.Join.ORDINAL));
                } else {
                    failed.add(i);
                    flags.add(Uncertain.of(t.said().lines(p.start(), p.end()),
                            "answer part names point " + (n + 1) + " of " + whose + ", who has no such open point",
                            "answer-part-order-missing", n + 1, whose));
                }
            }
        }
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!joined.containsKey(i) && !failed.contains(i)) {
                loose.add(i);
            }
        }
        if (loose.size() == 1 && COVER_ALL.matcher(parts.get(loose.get(0)).text()).find()) {
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < open.size(); c++) {
                if (!used.contains(c)) {
                    rest.add(c);
                }
            }
            if (rest.size() >= 2) {
                joined.put(loose.get(0), Target.sure(rest, MinutesProposal.Join.ALL));
                used.addAll(rest);
                loose.clear();
            }
        }
        byOrder(b, parts, open, loose, joined, used, flags);
        return joined;
    }

    /**
     * Each run of loose parts takes the unanswered points between its neighbours' points, if exactly as many: sure
     * when that is one point, or the block's only one ({@code SINGLE}); among several, by order alone, unsure. A
     * reported answer's run of other counts goes by topic, else to the points just before it ({@link #nearest}).
     */
    private static void byOrder(AnswerBlock b, List<Part> parts, List<Comment> open, List<Integer> loose,
                                Map<Integer, Target> joined, Set<Integer> used, List<Uncertain> flags) {
        int i = 0;
        while (i < parts.size()) {
            if (!loose.contains(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < parts.size() && loose.contains(j)) {
                j++;
            }
            int low = -1;
            for (int k = 0; k < i; k++) {
                for (int c : points(joined.get(k))) {
                    low = Math.max(low, c);
                }
            }
            int high = open.size();
            for (int k = j; k < parts.size(); k++) {
                for (int c : points(joined.get(k))) {
                    high = Math.min(high, c);
                }
            }
            List<Integer> window = new ArrayList<>();
            for (int c = low + 1; c < high; c++) {
                if (!used.contains(c)) {
                    window.add(c);
                }
            }
            if (window.size() == j - i) {
                boolean single = parts.size() == 1 && open.size() == 1;
                // among several, order is borne out when each part shares its words with its point and no other's
                boolean sure = window.size() == 1 || wordsAgree(parts, open, i, window);
                for (int k = i; k < j; k++) {
                    joined.put(k, new Target(List.of(window.get(k - i)),
                            single ? MinutesProposal.Join.SINGLE : MinutesProposal.Join.ORDER, sure));
                    used.add(window.get(k - i));
                }
            } else {
                List<Integer> unplaced = new ArrayList<>();
                for (int k = i; k < j; k++) {
                    unplaced.add(k);
                }
                if (b.nearest() && !window.isEmpty()) {
                    unplaced = nearest(parts, open, i, j, window, joined, used);
                }
                for (int k : unplaced) {
                    Part p = parts.get(k);
                    flags.add(b.addressee() == null
                            ? Uncertain.of(b.by().said().lines(p.start(), p.end()), (j - i) + " answer part(s) of "
                                    + b.by().written() + " without a page or order, and " + window.size()
                                    + " open point(s) of no one they could answer; not joined",
                                    "answer-parts-unplaced-no-one", j - i, b.by().written(), window.size())
                            : Uncertain.of(b.by().said().lines(p.start(), p.end()), (j - i) + " answer part(s) of "
                                    + b.by().written() + " without a page or order, and " + window.size()
                                    + " open point(s) of " + b.addressee().name() + " they could answer; not joined",
                                    "answer-parts-unplaced", j - i, b.by().written(), window.size(), b.addressee().name()));
                }
            }
            i = j;
        }
    }

    /**
     * A reported answer's parts [{@code i}, {@code j}) and the open points of {@code window}, of other counts: each
     * part takes the one point whose words it shares ({@code TOPIC}, sure); the rest, in order, the last points left
     * (the ones just before the answer), unsure.
     */
    private static List<Integer> nearest(List<Part> parts, List<Comment> open, int i, int j, List<Integer> window,
                                         Map<Integer, Target> joined, Set<Integer> used) {
        List<Integer> left = new ArrayList<>(window);
        List<Integer> rest = new ArrayList<>();
        for (int k = i; k < j; k++) {
            int hit = Topics.best(parts.get(k).text(), left.stream().map(c -> open.get(c).text()).toList(), Topics.MIN);
            if (hit >= 0) {
                int c = left.remove(hit);
                joined.put(k, Target.sure(List.of(c), MinutesProposal.Join.TOPIC));
                used.add(c);
            } else {
                rest.add(k);
            }
        }
        int m = Math.min(rest.size(), left.size());
        for (int r = 0; r < m; r++) {
            int c = left.get(left.size() - m + r);
            joined.put(rest.get(rest.size() - m + r), new Target(List.of(c), MinutesProposal.Join.NEAREST, false));
            used.add(c);
        }
        return rest.subList(0, rest.size() - m);
    }

    /** Whether parts {@code i…} each share a topic word with the point of {@code window} they take by order, and only with it. */
    private static boolean wordsAgree(List<Part> parts, List<Comment> open, int i, List<Integer> window) {
        List<String> texts = window.stream().map(c -> open.get(c).text()).toList();
        for (int k = 0; k < window.size(); k++) {
            if (Topics.best(parts.get(i + k).text(), texts, Topics.WORD) != k) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> points(Target t) {
        return t == null ? List.of() : t.points();
    }

    /** The one open point this anchor names: same pages and footnote, else the one whose pages contain it. */
    private static Integer byAnchor(Anchor a, List<Comment> open, Set<Integer> used) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> near = new ArrayList<>();
        for (int c = 0; c < open.size(); c++) {
            if (used.contains(c)) {
                continue;
            }
            Anchor o = open.get(c).anchor();
            if (a.section() != null) {
                if (a.section().equals(o.section())) {
                    exact.add(c);
                }
                continue;
            }
            boolean footnoteOk = a.footnote() == null || a.footnote().equals(o.footnote());
            if (a.pages().isEmpty()) {
                if (a.footnote() != null && a.footnote().equals(o.footnote())) {
                    exact.add(c);
                }
                continue;
            }
            if (a.pages().equals(o.pages()) && (footnoteOk && (a.footnote() != null || o.footnote() == null))) {
                exact.add(c);
            } else if (footnoteOk && !o.pages().isEmpty() && overlaps(a.pages(), o.pages())) {
                near.add(c);
            }
        }
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (exact.isEmpty() && near.size() == 1) {
            return near.get(0);
        }
        return null;
    }

    private static boolean overlaps(List<Integer> a, List<Integer> b) {
        int a0 = a.get(0), a1 = a.get(a.size() - 1), b0 = b.get(0), b1 = b.get(b.size() - 1);
        return a0 <= b1 && b0 <= a1;
    }

    private static int ordinal(String n) {
        return switch (n) {
            case "一" -> 1;
            case "二" -> 2;
            case "三" -> 3;
            case "四" -> 4;
            case "五" -> 5;
            default -> Integer.parseInt(n);
        };
    }
}

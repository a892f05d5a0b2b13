package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items a 議事要旨 is made of — 「１．日時」「２．場所」「３．出席者」「４．配布資料」「５．議事概要」, numbered or written
 * 「日時：」 — each with its lines, and the title lines above the first. {@code proceedings} is null when the document
 * has neither a 議事概要 item nor a 議事 item to read the proceedings from.
 */
record Items(List<Line> title, List<Line> when, List<Line> where, List<Line> attendees, List<Line> materials,
             List<Line> proceedings) {

    private static final Pattern HEADER_ITEM = Pattern.compile(
            "^(?:[(（]?\\d{1,2}[)）.、]?|[一二三四五六七八九十]+[.、．])\\s?(開催日時|日時|開催場所|場所|出席者|配布資料|資料|議事概要|議事要旨|議事)[:：]?\\s?(.*)$");
    /** An unnumbered item needs a colon (「日時：」「議事概要：」): a bare 「議事要旨」 line is the document's title. */
    private static final Pattern HEADER_ITEM_COLON = Pattern.compile(
            "^(開催日時|日時|開催場所|場所|出席者|配布資料|議事概要|議事要旨|議事)[:：]\\s?(.*)$");

    /** Everything after the 議事概要 item heading is proceedings, even a line that looks like an item heading. */
    static Items of(List<Line> lines) {
        Map<String, List<Line>> items = new LinkedHashMap<>();
        List<Line> title = new ArrayList<>();
        List<Line> body = null;
        List<Line> current = null;
        for (Line l : lines) {
            if (body != null) {
                body.add(l);
                continue;
            }
            Matcher h = HEADER_ITEM.matcher(l.text());
            if (!h.matches()) {
                h = HEADER_ITEM_COLON.matcher(l.text());
            }
            if (h.matches() && !items.containsKey(key(h.group(1)))) {
                String key = key(h.group(1));
                current = new ArrayList<>();
                items.put(key, current);
                if (key.equals("議事概要")) {
                    body = current;
                }
                if (!h.group(2).isBlank()) {
                    current.add(new Line(l.number(), h.group(2).strip(), false, l.spaceAtEnd()));
                }
            } else if (current == null) {
                title.add(l);
            } else {
                current.add(l);
            }
        }
        if (body == null && items.containsKey("議事")) {
            body = items.get("議事"); // 「議事」 is the agenda when a 議事概要 follows, else the proceedings themselves
        }
        return new Items(title, items.getOrDefault("日時", List.of()), items.getOrDefault("場所", List.of()),
                items.getOrDefault("出席者", List.of()), items.getOrDefault("配布資料", List.of()), body);
    }

    private static String key(String header) {
        return switch (header) {
            case "開催日時" -> "日時";
            case "開催場所" -> "場所";
            case "資料" -> "配布資料";
            case "議事要旨" -> "議事概要";
            default -> header;
        };
    }
}

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

    /**
     * Attendee headings that say what is listed: 「出席委員の氏名」「出席職員の職・氏名」「出席者の氏名」「出席委員氏名」 —
     * 出席 + 委員/職員/者, then optionally の and (職・)氏名; read as 出席委員 / 出席職員 / 出席者.
     */
    private static final String ATTENDEE_NAMES = "出席(?:委員|職員|者)の?(?:職・|職名・|役職・)?(?:氏名|職氏名|名簿)";
    /**
     * The items of the 会議録 form many towns fill in for every advisory body (附属機関等の名称, 会議の公開・非公開, 傍聴者人数,
     * 会議資料, 会議録の作成方法, 審議の内容): items of no participants, so that a list above them ends where they begin.
     */
    private static final String TEMPLATE = "附属機関等の名称|会議の公開・非公開|公開・非公開の別|非公開の理由|傍聴者人数|傍聴者数"
            + "|傍聴人数|会議資料|会議録の作成方法|審議の内容|" + ATTENDEE_NAMES;
    /** The words an item heading is; see {@link #key} for what each stands for. */
    private static final String KEYWORDS = TEMPLATE + "|開催日時|招集日時|日時|開催場所|招集場所|場所|出席者|出席委員|委員外出席者|理事者側出席者"
            + "|説明のため出席した者|市執行部|議会事務局出席者|議会事務局|事務局職員出席者|出席職員|説明員|欠席者|欠席委員|傍聴者|傍聴人"
            + "|配布資料|資料|議事概要|議事要旨|会議概要|会議の概要|会議の結果|審議経過|審議の経過|議事の経過|意見内容|議事内容"
            + "|議事|議題|会議に付した事件|本日審査した案件|次回開催予定日|問い合わせ先|お問合せ先|審議会等名称|会議名";
    private static final Pattern HEADER_ITEM = Pattern.compile(
            "^(?:[(（]?\\d{1,2}[)）.、]?|[一二三四五六七八九十]+[.、．])\\s?(" + KEYWORDS + ")[:：]?\\s?(.*)$");
    /** An unnumbered item needs a colon (「日時：」「議事概要：」): a bare 「議事要旨」 line is the document's title. */
    private static final Pattern HEADER_ITEM_COLON = Pattern.compile(
            "^(開催日時|日時|開催場所|場所|出席者|配布資料|議事概要|議事要旨|議事)[:：]\\s?(.*)$");
    /**
     * Unnumbered headings as city bodies write them: alone on their line (「開催日時」 then the date), or followed by a
     * space and the value (「開催日時 令和5年…」, on the text with its spaces), or after a mark 「〇日時」「〇出席委員」.
     */
    private static final Pattern HEADER_ITEM_BARE = Pattern.compile(
            "^[〇○◯●■□◆]?(開催日時|招集日時|日時|開催場所|招集場所|場所|出席者|出席委員|委員外出席者|理事者側出席者|説明のため出席した者"
                    + "|市執行部|議会事務局出席者|議会事務局|事務局職員出席者|出席職員|説明員|欠席者|欠席委員|傍聴者|傍聴人|配布資料|会議概要|会議の概要"
                    + "|会議の結果|審議経過|審議の経過|議事の経過|意見内容|議題|会議に付した事件|本日審査した案件|次回開催予定日|審議会等名称"
                    + "|会議名|議事概要|議事要旨|" + TEMPLATE + ")(?:[(（][^()（）]{1,40}[)）])?(?:$| (.+)$)");
    /** Headings whose block lists attendees of one kind: read as a block of 出席者 under that heading. */
    private static final java.util.Set<String> ATTENDEE_BLOCKS = java.util.Set.of("出席委員", "委員外出席者", "理事者側出席者",
            "説明のため出席した者", "市執行部", "議会事務局出席者", "議会事務局", "事務局職員出席者", "出席職員", "説明員");

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
            if (!h.matches()) {
                h = HEADER_ITEM_BARE.matcher(l.spaced());
            }
            if (h.matches() && current == null && h.group(1).startsWith("議事")) {
                h = HEADER_ITEM.matcher(""); // a bare 「議事概要」 before any item is the title's second line
                h.matches();
            }
            String rest = h.matches() && h.group(2) != null ? h.group(2) : "";
            String heading = h.matches() ? attendeeHeading(h.group(1)) : null;
            if (h.matches() && ATTENDEE_BLOCKS.contains(heading)) {
                current = items.computeIfAbsent("出席者", k -> new ArrayList<>());
                // the heading names the block's role: 「出席委員」 → 【出席委員】, read by the attendee reader
                current.add(new Line(l.number(), "【" + heading + "】" + SourceText.squeeze(rest), false, l.spaceAtEnd(),
                        "【" + heading + "】 " + rest));
            } else if (h.matches() && !items.containsKey(key(h.group(1)))) {
                String key = key(h.group(1));
                current = new ArrayList<>();
                items.put(key, current);
                if (key.equals("議事概要")) {
                    body = current;
                }
                if (!rest.isBlank()) {
                    current.add(new Line(l.number(), SourceText.squeeze(rest.strip()), false, l.spaceAtEnd(), rest.strip()));
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

    /**
     * Minutes with no proceedings item (a council committee's record: the headings, then the first speaker): the
     * proceedings start at the first line after the attendees' heading that opens a turn, and the items are read
     * from the lines before it. Unchanged when there is a proceedings item, or no line opens a turn.
     */
    static Items withProceedingsAtFirstTurn(List<Line> lines, java.util.function.Predicate<Line> opensTurn) {
        Items items = of(lines);
        if (items.proceedings() != null || items.attendees().isEmpty()) {
            return items;
        }
        int first = items.attendees().get(0).number();
        int from = 1;
        while (from < lines.size() && lines.get(from - 1).number() < first) {
            from++;
        }
        for (int i = Math.max(from, 1); i < lines.size(); i++) {
            if (opensTurn.test(lines.get(i))) {
                Items head = of(lines.subList(0, i));
                return new Items(head.title(), head.when(), head.where(), head.attendees(), head.materials(),
                        List.copyOf(lines.subList(i, lines.size())));
            }
        }
        return items;
    }

    /** 「出席委員の氏名」 → 出席委員, 「出席職員の職・氏名」 → 出席職員, 「出席者の氏名」 → 出席者; any other heading as it is. */
    static String attendeeHeading(String header) {
        return header.matches(ATTENDEE_NAMES) ? header.replaceFirst("^(出席(?:委員|職員|者)).*$", "$1") : header;
    }

    private static String key(String header) {
        return switch (header) {
            case "開催日時", "招集日時" -> "日時";
            case "開催場所", "招集場所" -> "場所";
            case "資料", "会議資料" -> "配布資料";
            case "議事要旨", "会議概要", "会議の概要", "会議の結果", "審議経過", "審議の経過", "議事の経過", "意見内容", "議事内容" -> "議事概要";
            default -> attendeeHeading(header);
        };
    }
}

package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Commitment;
import dev.shingi.transfer.minutes.MinutesProposal.Material;
import dev.shingi.transfer.minutes.MinutesProposal.Meeting;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Joined;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain text of summary minutes (議事要旨) as extracted from a PDF and proposes what to record: the meeting,
 * its materials and attendees, every point raised (one comment per 「N ページについて」/「脚注」/「また、」 part) and
 * every answer joined to the point it answers. It never guesses: an author, a joined comment or a disposition the
 * text does not make clear is left null and explained in {@code uncertain}. docs/import-minutes.md has the rules.
 * Pure Java; one instance may be shared.
 */
public final class MinutesParser {

    // ---- titles -----------------------------------------------------------------------------------------------

    /** Titles glued after a member's or chair's name, longest first so that 専門委員 is not read as 委員. */
    static final List<String> MEMBER_TITLES = List.of("分科会長代理", "部会長代理", "委員長代理", "主査代理", "座長代理",
            "会長代理", "分科会長", "部会長", "委員長", "専門委員", "臨時委員", "構成員", "主査", "座長", "会長", "委員",
            "オブザーバー");
    private static final Set<String> CHAIR_TITLES = Set.of("主査", "座長", "会長", "部会長", "分科会長", "委員長");
    private static final Set<String> MEMBERISH = Set.of("構成員", "委員", "専門委員", "臨時委員");
    /** Words an official's title starts with (佐藤|企画官, 豊嶋|大臣官房審議官, 田中|情報流通行政局長 …). */
    private static final List<String> OFFICIAL_TITLE_STARTS = List.of("大臣官房", "大臣", "副大臣", "政務官", "事務次官",
            "総務審議官", "審議官", "統括官", "参事官", "企画官", "課長", "室長", "局長", "部長", "次長", "補佐", "調査官",
            "専門官", "係長", "主任", "総括", "統括", "政策", "情報", "官房", "事務局", "技術", "国際", "地域", "総合",
            "サイバー", "電気通信", "電波", "放送", "評価", "企画", "総務", "管理", "調整", "審査", "研究", "官");
    private static final String TITLE_ALTERNATION = String.join("|", MEMBER_TITLES);

    // ---- the document's parts ---------------------------------------------------------------------------------

    private static final Pattern HEADER_ITEM = Pattern.compile(
            "^(?:[(（]?\\d{1,2}[)）.、]?|[一二三四五六七八九十]+[.、．])\\s?(開催日時|日時|開催場所|場所|出席者|配布資料|資料|議事概要|議事要旨|議事)[:：]?\\s?(.*)$");
    /** An unnumbered item needs a colon (「日時：」「議事概要：」): a bare 「議事要旨」 line is the document's title. */
    private static final Pattern HEADER_ITEM_COLON = Pattern.compile(
            "^(開催日時|日時|開催場所|場所|出席者|配布資料|議事概要|議事要旨|議事)[:：]\\s?(.*)$");
    private static final Pattern HEADING = Pattern.compile("^[【〔［\\[]([^】〕］\\]]{1,40})[】〕］\\]](.*)$");
    /** Attendee block headings written 「委員：安藤座長、…」 or 「（委員）松本部会長、…」; a heading only if it names a role. */
    private static final Pattern SOFT_HEADING = Pattern.compile("^(?:[（(]([^）)]{1,20})[）)]|([^：:、（()）]{1,20})[：:])(.*)$");
    private static final Pattern MATERIAL = Pattern.compile(
            "^((?:参考)?資料)\\s?([0-9A-Za-z]+(?:\\s?[-‐―ー–]\\s?[0-9A-Za-z]+)*)\\s?(.*)$");
    private static final Pattern ERA_DATE = Pattern.compile("(令和|平成)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern YEAR_DATE = Pattern.compile("(\\d{4})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:：](\\d{2})|時(?:(\\d{1,2})分|半)?)");
    private static final Pattern NUMBER = Pattern.compile("第(\\d+)回");

    // ---- turns -------------------------------------------------------------------------------------------------

    private static final Pattern OPENER = Pattern.compile(
            "^([^（(）)「」。、\\s]{1,30}?)(?:[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）])?[)）](.*)$");
    private static final Pattern BRACKET_OPENER = Pattern.compile(
            "^[【\\[［]([^】\\]］（(]{1,30}?)(?:[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）]|からの書面(?:意見|コメント)|書面(?:意見|コメント))[】\\]］](.*)$");
    private static final Pattern PLAIN_BRACKET_OPENER = Pattern.compile("^[【\\[［]([^】\\]］]{1,40})[】\\]］](.*)$");
    private static final Pattern PAREN_OPENER = Pattern.compile("^[（(]([^（()）]{1,20}(?:[（(][^（()）]{1,20}[）)])?)[）)](.*)$");
    /** The turn-like record of narrative between turns (「事務局から…紹介があった。」). */
    private static final String NARRATIVE = "（記述）";
    /** 「欠席の平野構成員から書面で意見をいただいている」「林委員から提出された事前意見について紹介があった」. */
    private static final Pattern WRITTEN_INTRO = Pattern.compile("([\\p{IsHan}々ヶ]{1,4})(" + String.join("|", MEMBER_TITLES.subList(0, 16))
            + ")(?:から|より)、?[^。]{0,30}?(?:書面|事前|提出|寄せられ)[^。]{0,30}?(?:意見|コメント)[^。]*。"
            + "(?:(?:主な)?(?:内容|意見|コメント)は(?:以下|次)のとおり[^。]*。)?");
    /** 「これに対し、事務局から、いずれも反映させていただく旨の回答があった。」. */
    private static final Pattern NARRATIVE_ANSWER = Pattern.compile(
            "(?:これに対し(?:て)?、?)?事務局(?:から|より)、?[^。]*(?:旨の|との)(?:回答|説明)(?:があった|がなされた|を行った)。");
    private static final Pattern BULLET = Pattern.compile("^[○◯〇●・•◦]\\s?");
    private static final Pattern BULLET_OPENER = Pattern.compile("^[○◯〇●]\\s?(.+)$");
    private static final Pattern SECRETARIAT_SAME_LINE = Pattern.compile("^(事務局(?:[（(][^）)]{1,30}[）)])?)");
    private static final String WRITTEN_MARK = "^[（(](?:書面|書面意見|書面提出|代読|事前提出)[)）]";
    /** After a name at the start of a bulleted line, a particle means the name is talked about, not speaking. */
    private static final String PARTICLE_AFTER_NAME = "のがはにへとをもやかよ、。";
    /** Speakers the minutes name only by their title (anonymised minutes): never an author. */
    private static final Set<String> ANONYMOUS = Set.of("委員", "構成員", "専門委員", "臨時委員", "メンバー", "有識者",
            "オブザーバー", "委員等", "構成員等");
    private static final Pattern HAN_NAME_WITH_TITLE = Pattern.compile("^[\\p{IsHan}々ヶ]{1,4}(?:" + TITLE_ALTERNATION + ")$");
    private static final Pattern TURN_END = Pattern.compile(
            "^(?:◆.*|[(（]\\d{1,2}[)）].*|[①-⑳].*|以上。?|[(（]以上[)）]|[-―ー]{3,}|※.*|(?:事務局)(?:より|から)[^。]*(?:説明|紹介|報告)[^。]*。?)$");

    // ---- anchors -----------------------------------------------------------------------------------------------

    private static final String PAGE_RANGE = "(\\d{1,4})(?:\\s?[～~〜\\-–]\\s?(\\d{1,4}))?";
    private static final Pattern ANCHOR = Pattern.compile(
            "(?:(?<![A-Za-z])[pP]{1,2}\\.?\\s?" + PAGE_RANGE + "|" + PAGE_RANGE + "\\s?(?:ページ|頁)(?:目)?)"
                    + "(?:\\s?(?:の)?(?:脚注|注)\\s?(\\d{1,4}))?|(?:脚注|(?<!\\p{IsHan})注)\\s?(\\d{1,4})");
    private static final Pattern SECTION = Pattern.compile(
            "「((?:はじめに|おわりに|終わりに|まとめ|結び|むすび|第\\d+章[^」]{0,20}|第\\d+節[^」]{0,20}|\\d+(?:\\.\\d+)+\\s?[^」]{0,20}))」"
                    + "|「((?:今後の[^」]{1,12}|現状と課題|基本的(?:な)?考え方|背景と目的|検討の背景))」"
                    + "|「([^」]{1,20})」の(?:章|節|部分|項目|箇所)"
                    + "|(はじめに|おわりに|終わりに)(?:の(?:部分|章|節|ところ|箇所))");
    private static final Pattern CONNECTIVES = Pattern.compile(
            "^(?:(?:まず|次に|また|最後に|続いて|それから|あと|加えて|あわせて|併せて|同じく|もう\\d+点|もう一点|ご指摘の|ご質問の|ご意見の|[①-⑳])[、,]?)*");
    private static final Pattern NEW_POINT = Pattern.compile(
            "^(?:また|次に|最後に|続いて|それから|あと|加えて|もう\\d+点|もう一点)[、,]|^(?:\\d+|一|二|三|四|五)(?:点目|つ目)|^[①-⑳]");
    /** In an answer, a sentence that opens with its own topic (「新聞報道の件については、」) starts a new part. */
    private static final Pattern TOPIC_START = Pattern.compile("^(?!この|その|同|当該|これ|それ)[^。、]{1,30}?(?:について|に関して)(?:は、?|、)");
    private static final Pattern ORDINAL = Pattern.compile("^(\\d+|一|二|三|四|五)(?:点目|つ目|番目)");
    private static final Pattern TOPIC = Pattern.compile("^[^。]{0,20}?(?:について|に関して|に関する|に対して|に対する|の件|のご指摘|のご意見|のコメント|のご質問|の点|では|は、)");
    private static final Pattern ANCHOR_JOINER = Pattern.compile("^(?:及び|および|と|、|並びに|や|,|並びに|から)");
    private static final Pattern COVER_ALL = Pattern.compile("いずれも|どちらも|両方|(?:\\d+|二|三|2|3)点(?:とも|について|いずれも|ご指摘)|いただいた(?:\\d+|二|三)点|いずれの(?:点|ご指摘)");

    // ---- answers -----------------------------------------------------------------------------------------------

    private static final Pattern ADDRESS = Pattern.compile(
            "([^\\s。、「」（）()\\n]{1,20}?)(" + TITLE_ALTERNATION + ")(?:から)?(?:への|に対する|に対しての)(?:ご)?(?:回答|コメント|返答)(?:です)?[。：:、]");
    private static final Pattern ADDRESS_AT_START = Pattern.compile(
            "(?:^|(?<=[。\\n]))([^\\s。、「」（）()\\n]{1,20}?)(" + TITLE_ALTERNATION + ")(?:から)?の(?:ご)?(?:質問|指摘|意見|コメント)(?:について|に対して)(?:です)?[。、：:]");

    /** Parses the text; never throws for odd input (an unreadable part goes to {@code uncertain}). */
    public MinutesProposal parse(String text) {
        return new Run(SourceText.lines(text)).run();
    }

    /** The state of one parse. */
    private static final class Run {
        final List<Line> lines;
        final List<Participant> participants = new ArrayList<>();
        final List<Material> materials = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        final List<Response> responses = new ArrayList<>();
        final List<Uncertain> uncertain = new ArrayList<>();
        final Set<String> answered = new HashSet<>();
        final Map<String, List<Integer>> commentLines = new HashMap<>();
        /** The points each turn raised, so that an answer without an addressee can take the turn just before it. */
        final Map<Turn, List<Comment>> commentsOf = new IdentityHashMap<>();

        Run(List<Line> lines) {
            this.lines = lines;
        }

        MinutesProposal run() {
            Map<String, List<Line>> items = new LinkedHashMap<>();
            List<Line> titleLines = new ArrayList<>();
            List<Line> body = null;
            List<Line> current = null;
            for (Line l : lines) {
                if (body == null) {
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
                        continue;
                    }
                    if (current == null) {
                        titleLines.add(l);
                    } else {
                        current.add(l);
                    }
                } else {
                    body.add(l);
                }
            }
            Meeting meeting = meeting(titleLines, items.getOrDefault("日時", List.of()), items.getOrDefault("場所", List.of()));
            attendees(items.getOrDefault("出席者", List.of()));
            materials(items.getOrDefault("配布資料", List.of()));
            if (body == null && items.containsKey("議事")) {
                body = items.get("議事"); // 「議事」 is the agenda when a 議事概要 follows, else the proceedings themselves
            }
            if (body == null) {
                uncertain.add(new Uncertain(all(), "no 議事概要 (summary of proceedings) item found: no comments read"));
            } else {
                proceedings(body);
            }
            for (Comment c : comments) {
                if (c.kind().needsResponse() && !answered.contains(c.ref())) {
                    uncertain.add(new Uncertain(c.lines(), "no answer to " + c.ref() + " (" + c.kind() + ") was found"));
                }
            }
            return new MinutesProposal(meeting, materials, participants, comments, responses, uncertain);
        }

        private List<Integer> all() {
            return lines.isEmpty() ? List.of(1, 1) : List.of(lines.get(0).number(), lines.get(lines.size() - 1).number());
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

        // ---- meeting ----------------------------------------------------------------------------------------------

        private Meeting meeting(List<Line> titleLines, List<Line> when, List<Line> where) {
            StringBuilder title = new StringBuilder();
            for (Line l : titleLines) {
                if (!l.text().matches("^(?:議事要旨|議事概要|議事録)$")) {
                    title.append(l.text());
                }
            }
            String t = title.toString().replaceAll("議事要旨$", "").strip();
            Matcher n = NUMBER.matcher(t);
            Integer number = n.find() ? Integer.valueOf(n.group(1)) : null;
            String w = join(when);
            LocalDate date = null;
            LocalTime start = null;
            LocalTime end = null;
            int after = 0;
            try {
                Matcher era = ERA_DATE.matcher(w);
                Matcher year = YEAR_DATE.matcher(w);
                if (era.find()) {
                    int y = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
                    date = LocalDate.of((era.group(1).equals("令和") ? 2018 : 1988) + y,
                            Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)));
                    after = era.end();
                } else if (year.find()) {
                    date = LocalDate.of(Integer.parseInt(year.group(1)), Integer.parseInt(year.group(2)),
                            Integer.parseInt(year.group(3)));
                    after = year.end();
                }
                Matcher tm = TIME.matcher(w);
                if (tm.find(after)) {
                    start = time(tm);
                    if (tm.find()) {
                        end = time(tm);
                    }
                }
            } catch (DateTimeException | NumberFormatException e) {
                date = null;
            }
            if (date == null || start == null) {
                uncertain.add(new Uncertain(span(when), "the date or the starting time of the meeting could not be read from 日時"));
            }
            if (t.isEmpty()) {
                uncertain.add(new Uncertain(List.of(1, 1), "no meeting title before the numbered items"));
            }
            String venue = join(where);
            return new Meeting(t.isEmpty() ? null : t, number, date, start, end, venue.isEmpty() ? null : venue);
        }

        private static LocalTime time(Matcher m) {
            int minutes = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group().endsWith("半") ? 30 : 0;
            return LocalTime.of(Integer.parseInt(m.group(1)), minutes);
        }

        private static String join(List<Line> ls) {
            Joined j = new Joined();
            ls.forEach(l -> j.add(l, false));
            return j.text().strip();
        }

        private static List<Integer> span(List<Line> ls) {
            return ls.isEmpty() ? List.of(1, 1) : List.of(ls.get(0).number(), ls.get(ls.size() - 1).number());
        }

        // ---- attendees --------------------------------------------------------------------------------------------

        private void attendees(List<Line> block) {
            String heading = null;
            List<Line> entries = new ArrayList<>();
            for (Line l : block) {
                Matcher h = HEADING.matcher(l.text());
                if (!h.matches()) {
                    Matcher soft = SOFT_HEADING.matcher(l.text());
                    String named = soft.matches() ? (soft.group(1) != null ? soft.group(1) : soft.group(2)) : null;
                    h = named != null && roleOfHeading(named) != null ? soft : null;
                }
                if (h != null) {
                    String heading0 = h.group(1) != null ? h.group(1) : h.group(2);
                    String rest0 = h.groupCount() == 3 ? h.group(3) : h.group(2);
                    attendeeBlock(heading, entries);
                    heading = heading0;
                    entries = new ArrayList<>();
                    if (!rest0.isBlank()) {
                        entries.add(new Line(l.number(), rest0.strip(), false, l.spaceAtEnd()));
                    }
                } else {
                    entries.add(l);
                }
            }
            attendeeBlock(heading, entries);
        }

        private void attendeeBlock(String heading, List<Line> entries) {
            if (entries.isEmpty()) {
                return;
            }
            Role blockRole = heading == null ? null : roleOfHeading(heading);
            String all = join(entries);
            for (String entry : splitEntries(all)) {
                String e = entry.replaceAll("[(（](?:以上)?\\d+名[)）]$", "").strip();
                if (e.isEmpty() || e.matches("^[(（]?以上.*")) {
                    continue;
                }
                String[] nt = blockRole == Role.OBSERVER && !e.endsWith("オブザーバー") ? new String[]{e, null} : splitNameTitle(e);
                Role role = nt[1] != null && CHAIR_TITLES.contains(nt[1]) ? Role.CHAIR : blockRole != null ? blockRole : roleOfTitle(nt[1]);
                if (role == null) {
                    uncertain.add(new Uncertain(span(entries), "role of attendee '" + e + "' unknown: heading "
                            + (heading == null ? "missing" : "【" + heading + "】 not understood")));
                }
                if (nt[1] == null && blockRole != Role.OBSERVER) {
                    uncertain.add(new Uncertain(span(entries), "could not tell name from title in '" + e + "'"));
                }
                participants.add(new Participant(nt[0], nt[1], role));
            }
        }

        private static Role roleOfHeading(String heading) {
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

        private static Role roleOfTitle(String title) {
            if (title == null) {
                return null;
            }
            if (CHAIR_TITLES.contains(title)) {
                return Role.CHAIR;
            }
            if (title.equals("オブザーバー")) {
                return Role.OBSERVER;
            }
            if (MEMBER_TITLES.contains(title)) {
                return Role.MEMBER;
            }
            return Role.SECRETARIAT;
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

        /** {name, title}: a member's title is a suffix; an official's starts after a short surname. Title null if unclear. */
        static String[] splitNameTitle(String e) {
            for (String t : MEMBER_TITLES) {
                if (e.endsWith(t) && e.length() > t.length()) {
                    return new String[]{e.substring(0, e.length() - t.length()), t};
                }
            }
            if (e.equals("事務局")) {
                return new String[]{"", "事務局"};
            }
            for (int i = 1; i <= Math.min(4, e.length() - 1); i++) {
                String name = e.substring(0, i);
                String rest = e.substring(i);
                if (!name.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '々' || cp == 'ヶ')) {
                    break;
                }
                char first = rest.charAt(0);
                boolean han = Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN;
                if (!han || OFFICIAL_TITLE_STARTS.stream().anyMatch(rest::startsWith)) {
                    if (i == 1 && han && !rest.startsWith("官")) {
                        continue; // one-character surnames are rare before a Han title; prefer a longer one
                    }
                    return new String[]{name, rest};
                }
            }
            return new String[]{e, null};
        }

        // ---- materials --------------------------------------------------------------------------------------------

        private void materials(List<Line> block) {
            String number = null;
            StringBuilder title = new StringBuilder();
            for (Line l : block) {
                Matcher m = MATERIAL.matcher(l.text());
                if (m.matches()) {
                    addMaterial(number, title);
                    number = m.group(1) + m.group(2).replaceAll("\\s", "").replaceAll("[‐―ー–]", "-");
                    title.setLength(0);
                    title.append(m.group(3));
                } else if (number != null) {
                    title.append(l.text());
                } else {
                    uncertain.add(new Uncertain(List.of(l.number(), l.number()), "line in 配布資料 is no material (資料N-M …)"));
                }
            }
            addMaterial(number, title);
        }

        private void addMaterial(String number, StringBuilder title) {
            if (number != null) {
                String t = title.toString().replace("『", "").replace("』", "").strip();
                materials.add(new Material(number, t.isEmpty() ? null : t));
            }
        }

        // ---- proceedings ------------------------------------------------------------------------------------------

        /** A speaker's turn: who (null if unclear), the opener's line, and what was said. */
        private record Turn(Participant speaker, String written, boolean generic, Line opener, Joined said) {
        }

        private void proceedings(List<Line> body) {
            List<Turn> turns = new ArrayList<>();
            Turn turn = null;
            boolean skipComment = false;
            String lastText = "";
            for (Line l : body) {
                String[] opened = opener(l.text());
                if (opened != null) {
                    String opener = opened[0];
                    String rest = opened[1];
                    turn = startTurn(opener, l);
                    turns.add(turn);
                    skipComment = true;
                    if (!rest.isEmpty() && !rest.equals("コメント")) {
                        turn.said().add(new Line(l.number(), rest, false, l.spaceAtEnd()), false);
                        skipComment = false;
                    }
                    lastText = rest;
                    continue;
                }
                if (TURN_END.matcher(l.text()).matches()) {
                    turn = null;
                    if (!WRITTEN_INTRO.matcher(l.text()).find()) {
                        continue;
                    }
                }
                if (turn == null) { // narrative outside any turn: read only when it reports written comments
                    turn = new Turn(null, NARRATIVE, false, l, new Joined());
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
            Turn previous = null;
            int raisingTurns = 0; // turns that raised points since the last answer
            for (Turn t : turns) {
                if (t.said().isEmpty()) {
                    continue;
                }
                String s = t.said().text();
                boolean addressed = ADDRESS.matcher(s).find() || ADDRESS_AT_START.matcher(s).find();
                boolean official = t.generic() || t.written().equals(NARRATIVE)
                        || (t.speaker() != null && t.speaker().role() == Role.SECRETARIAT);
                if (official && !addressed && writtenSubmission(t)) {
                    raisingTurns++;
                } else if (t.written().equals(NARRATIVE)) {
                    continue;
                } else if (addressed) {
                    answers(t);
                    raisingTurns = 0;
                } else if (official) {
                    unaddressedAnswer(t, previous, raisingTurns);
                    raisingTurns = 0;
                } else {
                    comments(t);
                    raisingTurns++;
                }
                previous = t;
            }
        }

        /**
         * An official's turn (or the narrative between turns) that reports a member's written comments: 「欠席の平野構成員
         * から書面で意見をいただいているので代読する。」「欠席の林委員から提出された事前意見について紹介があった。」. What
         * follows is that member's points, up to a reported answer 「これに対し、事務局から…旨の回答があった。」, which
         * answers them. False when the turn reports no such thing.
         */
        private boolean writtenSubmission(Turn t) {
            String s = t.said().text();
            Matcher m = WRITTEN_INTRO.matcher(s);
            if (!m.find()) {
                return false;
            }
            List<Integer> at = t.said().lines(m.start(), m.end());
            Participant author = submitter(m.group(1), m.group(2), at);
            Matcher reply = NARRATIVE_ANSWER.matcher(s);
            reply.region(m.end(), s.length());
            int to = reply.find() ? reply.start() : s.length();
            List<Comment> made = new ArrayList<>();
            for (Part p : parts(s, m.end(), to)) {
                String ref = "c" + (comments.size() + 1);
                List<Integer> lines = t.said().lines(p.start(), p.end());
                Comment c = new Comment(ref, author == null ? null : author.name(), commentAnchor(p, s), Phrases.kind(p.text()),
                        p.text(), lines);
                comments.add(c);
                made.add(c);
                commentLines.put(ref, lines);
            }
            commentsOf.put(t, made);
            if (to < s.length()) {
                block(t, author, to, s.length(), t.said().lines(to, s.length()), made);
            }
            return true;
        }

        /** The author of written comments: the attendee so named, else (absent from the meeting) a new participant. */
        private Participant submitter(String name, String title, List<Integer> at) {
            List<Participant> found = participants.stream()
                    .filter(p -> p.name().equals(name) && compatible(p.title(), title)).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                uncertain.add(new Uncertain(at, "written comments of '" + name + title + "' match " + found.size()
                        + " attendees; author left empty"));
                return null;
            }
            Participant p = new Participant(name, title, roleOfTitle(title));
            participants.add(p);
            uncertain.add(new Uncertain(at, "written comments of '" + name + title + "', who is not in the attendee "
                    + "list (absent); added as " + p.role()));
            return p;
        }

        /**
         * {speaker as written ("蔦構成員", "佐藤企画官", "事務局", "委員"), the rest of the line} when the line opens a
         * turn, else null. Forms: 「蔦構成員）」, 「【蔦構成員】」, 「【事務局（山田参事官）】」, 「（蔦構成員）」, 「（委員）」
         * (a speaker given only by a title), 「○蔦構成員　text」 (an attendee's name and title after a bullet), and the
         * written-submission forms 「山本委員（書面））」「【山本臨時委員（書面）】」.
         */
        private String[] opener(String text) {
            Matcher b = BRACKET_OPENER.matcher(text);
            if (b.matches() && looksLikeSpeaker(b.group(1))) {
                return new String[]{b.group(1), b.group(2).strip()};
            }
            Matcher pb = PLAIN_BRACKET_OPENER.matcher(text);
            if (pb.matches() && (secretariatWithName(pb.group(1)) || looksLikeSpeaker(pb.group(1)))) {
                return new String[]{pb.group(1), pb.group(2).strip()};
            }
            Matcher pp = PAREN_OPENER.matcher(text);
            if (pp.matches() && (secretariatWithName(pp.group(1)) || ANONYMOUS.contains(pp.group(1))
                    || soleHolder(pp.group(1)) != null || looksLikeSpeaker(pp.group(1)))) {
                return new String[]{pp.group(1), pp.group(2).strip()};
            }
            Matcher m = OPENER.matcher(text);
            if (m.matches() && looksLikeSpeaker(m.group(1))) {
                return new String[]{m.group(1), m.group(2).strip()};
            }
            Matcher bullet = BULLET_OPENER.matcher(text);
            if (bullet.matches()) {
                String after = bullet.group(1);
                Matcher sec = SECRETARIAT_SAME_LINE.matcher(after);
                if (sec.lookingAt()) {
                    return new String[]{sec.group(1), after.substring(sec.end()).strip()};
                }
                String best = null;
                for (Participant p : participants) {
                    if (p.title() == null || p.name().isEmpty()) {
                        continue;
                    }
                    for (String written : List.of(p.name() + p.title(), p.name() + shortTitle(p.title()))) {
                        if (after.startsWith(written) && (best == null || written.length() > best.length())) {
                            best = written;
                        }
                    }
                }
                if (best != null) {
                    String rest = after.substring(best.length());
                    if (rest.isEmpty() || PARTICLE_AFTER_NAME.indexOf(rest.charAt(0)) < 0) {
                        return new String[]{best, rest.replaceFirst(WRITTEN_MARK, "").strip()};
                    }
                }
            }
            return null;
        }

        /** The last word of an official's long title, as speaker lines abbreviate it (…課課長補佐 → 課長補佐). */
        private static String shortTitle(String title) {
            Matcher m = Pattern.compile("(課長補佐|統括補佐|参事官補佐|室長|課長|部長|局長|審議官|参事官|企画官|調査官|専門官|統括官|補佐)(?:[（(][^）)]*[）)])?$").matcher(title);
            return m.find() ? m.group(1) : title;
        }

        /** 「事務局（山田参事官）」: the secretariat, speaking through a named official. */
        private static boolean secretariatWithName(String written) {
            return written.equals("事務局") || written.matches("^事務局[（(][^）)]{1,30}[）)]$");
        }

        /** The one attendee holding a chair's title (「（座長）」 when the list has one 座長), else null. */
        private Participant soleHolder(String title) {
            if (!CHAIR_TITLES.contains(title)) {
                return null;
            }
            List<Participant> holders = participants.stream().filter(p -> title.equals(p.title())).toList();
            return holders.size() == 1 ? holders.get(0) : null;
        }

        private boolean looksLikeSpeaker(String written) {
            if (written.equals("事務局") || HAN_NAME_WITH_TITLE.matcher(written).matches()) {
                return true;
            }
            return resolve(written).size() == 1;
        }

        /** Attendees the written speaker may be: exact name and title first, then same name and a compatible title. */
        private List<Participant> resolve(String written) {
            List<Participant> exact = new ArrayList<>();
            for (Participant p : participants) {
                if (written.equals(p.name() + (p.title() == null ? "" : p.title()))) {
                    exact.add(p);
                }
            }
            if (!exact.isEmpty()) {
                return exact;
            }
            String[] nt = splitNameTitle(written);
            List<Participant> same = new ArrayList<>();
            for (Participant p : participants) {
                if (p.name().equals(nt[0]) && compatible(p.title(), nt[1])) {
                    same.add(p);
                }
            }
            if (same.isEmpty()) { // 「藤原安全・信頼性対策室長」: a listed name, then the end of the listed title
                for (Participant p : participants) {
                    if (!p.name().isEmpty() && p.title() != null && written.startsWith(p.name())
                            && written.length() > p.name().length() + 1
                            && p.title().replaceFirst("[（(][^（()）]*[）)]$", "").endsWith(written.substring(p.name().length()))) {
                        same.add(p);
                    }
                }
            }
            return same;
        }

        private static boolean compatible(String listed, String spoken) {
            if (spoken == null || listed == null) {
                return spoken == null;
            }
            listed = listed.replaceFirst("[（(][^（()）]*[）)]$", ""); // 参事官（政策担当） is spoken as 参事官
            return listed.equals(spoken) || listed.endsWith(spoken) || spoken.endsWith(listed)
                    || (MEMBERISH.contains(listed) && MEMBERISH.contains(spoken));
        }

        private Turn startTurn(String written, Line l) {
            List<Integer> at = List.of(l.number(), l.number());
            if (written.equals("事務局")) {
                return new Turn(null, written, true, l, new Joined());
            }
            if (secretariatWithName(written)) {
                String inner = written.substring(4, written.length() - 1);
                List<Participant> found = resolve(inner);
                Participant official = found.size() == 1 && found.get(0).role() == Role.SECRETARIAT ? found.get(0) : null;
                return new Turn(official, written, official == null, l, new Joined());
            }
            if (ANONYMOUS.contains(written)) {
                uncertain.add(new Uncertain(at, "speaker given only as '" + written + "'; author left empty"));
                return new Turn(null, written, false, l, new Joined());
            }
            Participant holder = soleHolder(written);
            if (holder != null) {
                return new Turn(holder, written, false, l, new Joined());
            }
            List<Participant> found = resolve(written);
            if (found.size() == 1) {
                return new Turn(found.get(0), written, false, l, new Joined());
            }
            if (found.size() > 1) {
                uncertain.add(new Uncertain(at, "speaker '" + written + "' matches " + found.size()
                        + " attendees; author left empty"));
                return new Turn(null, written, false, l, new Joined());
            }
            String[] nt = splitNameTitle(written);
            Role role = roleOfTitle(nt[1]);
            if (nt[1] == null || nt[0].isEmpty() || role == null) {
                uncertain.add(new Uncertain(at, "speaker '" + written + "' is not an attendee and could not be read as name and title"));
                return new Turn(null, written, false, l, new Joined());
            }
            Participant p = new Participant(nt[0], nt[1], role);
            participants.add(p);
            uncertain.add(new Uncertain(at, "speaker '" + written + "' is not in the attendee list; added as "
                    + role + " from the turn's opening line"));
            return new Turn(p, written, false, l, new Joined());
        }

        // ---- sentences and parts ----------------------------------------------------------------------------------

        /** A sentence of a turn: [start, end) in the turn's text, and whether a paragraph begins with it. */
        private record Sentence(int start, int end, boolean paragraph) {
        }

        private static List<Sentence> sentences(String s) {
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

        /** A run of sentences that make one point (or one part of an answer). */
        private record Part(int start, int end, String text, List<Sentence> sentences) {
        }

        /** Groups sentences into points: a new one at a topic anchor, a 「また、」-style connective, or a paragraph. */
        private static List<Part> parts(String s, int from, int to) {
            return parts(s, from, to, false);
        }

        private static List<Part> parts(String s, int from, int to, boolean answer) {
            List<Part> out = new ArrayList<>();
            List<Sentence> run = new ArrayList<>();
            for (Sentence x : sentences(s.substring(0, to))) {
                if (x.start() < from) {
                    continue;
                }
                String text = s.substring(x.start(), x.end());
                if (Phrases.filler(text)) {
                    continue;
                }
                if (!run.isEmpty() && (x.paragraph() || startsNewPoint(text)
                        || (answer && TOPIC_START.matcher(CONNECTIVES.matcher(text.strip()).replaceFirst("")).find()))) {
                    out.add(part(s, run));
                    run = new ArrayList<>();
                }
                run.add(x);
            }
            if (!run.isEmpty()) {
                out.add(part(s, run));
            }
            return out;
        }

        private static Part part(String s, List<Sentence> run) {
            int start = run.get(0).start();
            int end = run.get(run.size() - 1).end();
            StringBuilder b = new StringBuilder();
            run.forEach(x -> b.append(s, x.start(), x.end()));
            return new Part(start, end, b.toString().replace("\n", "").strip(), run);
        }

        private static boolean startsNewPoint(String sentence) {
            String t = sentence.strip();
            return NEW_POINT.matcher(t).find() || !topicAnchors(t, true).isEmpty();
        }

        /** Anchors a sentence opens with as its topic: 「15 ページについて」「18～19 ページ及び 24 ページについては」「脚注 14 の…」. */
        static List<Anchor> topicAnchors(String sentence) {
            return topicAnchors(sentence, false);
        }

        /**
         * {@code lenient} (a member's point): an anchor that opens the sentence is its topic whatever follows
         * (「23ページ脚注9の出典が…」「20ページ、用語を…」); in an answer only before について/に関して/の件….
         */
        static List<Anchor> topicAnchors(String sentence, boolean lenient) {
            String t = CONNECTIVES.matcher(sentence.strip()).replaceFirst("");
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
                found.add(anchor(a));
                p = a.end();
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
                if (sec.lookingAt()) {
                    found.add(new Anchor(List.of(), null, section(sec)));
                    p = sec.end();
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

        /** The anchor of a point: its topic anchor, else the first anchor of its first sentence. */
        private static Anchor commentAnchor(Part part, String s) {
            String first = s.substring(part.sentences().get(0).start(), part.sentences().get(0).end());
            List<Anchor> topic = topicAnchors(first, true);
            if (!topic.isEmpty()) {
                return topic.get(0);
            }
            Matcher a = ANCHOR.matcher(first);
            if (a.find()) {
                return anchor(a);
            }
            Matcher sec = SECTION.matcher(first);
            if (sec.find()) {
                return new Anchor(List.of(), null, section(sec));
            }
            Matcher later = ANCHOR.matcher(part.text()); // 「…在り方を記載していただけないか（p.30）。」 after a first sentence
            return later.find() ? anchor(later) : Anchor.NONE;
        }

        private static String section(Matcher sec) {
            for (int g = 1; g <= sec.groupCount(); g++) {
                if (sec.group(g) != null) {
                    return sec.group(g);
                }
            }
            return null;
        }

        private static Anchor anchor(Matcher a) {
            String from = a.group(1) != null ? a.group(1) : a.group(3);
            String to = a.group(1) != null ? a.group(2) : a.group(4);
            String footnote = a.group(5) != null ? a.group(5) : a.group(6);
            List<Integer> pages = from == null ? List.of()
                    : to == null || to.equals(from) ? List.of(Integer.valueOf(from)) : List.of(Integer.valueOf(from), Integer.valueOf(to));
            return new Anchor(pages, footnote, null);
        }

        // ---- comments ---------------------------------------------------------------------------------------------

        private void comments(Turn t) {
            String s = t.said().text();
            List<Comment> made = new ArrayList<>();
            commentsOf.put(t, made);
            for (Part p : parts(s, 0, s.length())) {
                String ref = "c" + (comments.size() + 1);
                List<Integer> at = t.said().lines(p.start(), p.end());
                Comment c = new Comment(ref, t.speaker() == null ? null : t.speaker().name(), commentAnchor(p, s),
                        Phrases.kind(p.text()), p.text(), at);
                if (t.speaker() == null) {
                    uncertain.add(new Uncertain(at, "author of " + ref + " unclear (speaker '" + t.written() + "')"));
                }
                comments.add(c);
                made.add(c);
                commentLines.put(ref, at);
            }
        }

        // ---- answers ----------------------------------------------------------------------------------------------

        /** A secretariat turn split at 「〇〇構成員への回答。」: each block answers that person's open points. */
        private void answers(Turn t) {
            String s = t.said().text();
            List<int[]> marks = new ArrayList<>(); // [start, end of the address]
            List<String> addressees = new ArrayList<>();
            for (Pattern pattern : List.of(ADDRESS, ADDRESS_AT_START)) {
                Matcher m = pattern.matcher(s);
                while (m.find()) {
                    int start = m.start();
                    boolean overlaps = marks.stream().anyMatch(x -> x[0] < m.end() && m.start() < x[1]);
                    if (!overlaps) {
                        marks.add(new int[]{start, m.end()});
                        addressees.add(m.group(1) + "\u0000" + m.group(2));
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Integer.compare(marks.get(a)[0], marks.get(b)[0]));
            if (!order.isEmpty() && marks.get(order.get(0))[0] > 0) {
                List<Part> before = parts(s, 0, marks.get(order.get(0))[0]);
                if (!before.isEmpty()) {
                    uncertain.add(new Uncertain(t.said().lines(before.get(0).start(), before.get(before.size() - 1).end()),
                            "text of " + t.written() + " before the first 「〇〇への回答」 is addressed to no one"));
                }
            }
            for (int k = 0; k < order.size(); k++) {
                int[] mark = marks.get(order.get(k));
                int end = k + 1 < order.size() ? marks.get(order.get(k + 1))[0] : s.length();
                String[] who = addressees.get(order.get(k)).split("\u0000");
                Participant addressee = addressee(who[0], who[1]);
                List<Integer> at = t.said().lines(mark[0], end);
                if (addressee == null) {
                    uncertain.add(new Uncertain(at, "answer addressed to '" + who[1] + "' named '" + who[0]
                            + "': not exactly one attendee; not joined"));
                    block(t, null, mark[1], end, at);
                } else {
                    block(t, addressee, mark[1], end, at);
                }
            }
        }

        /** The one attendee whose name ends the written text before the title, or null when none or several. */
        private Participant addressee(String before, String title) {
            List<Participant> found = new ArrayList<>(); // a list: two attendees listed alike are still two people
            for (int k = Math.min(before.length(), 8); k >= 1 && found.isEmpty(); k--) {
                String name = before.substring(before.length() - k);
                for (Participant p : participants) {
                    if (p.name().equals(name) && compatible(p.title(), title)) {
                        found.add(p);
                    }
                }
            }
            return found.size() == 1 ? found.get(0) : null;
        }

        /** A secretariat turn with no addressee answers the turn right before it, if that turn raised points. */
        /**
         * A secretariat turn that names no one answers the points of the turn just before it, but only when that turn
         * alone raised points since the last answer: after several members, "いただいたご意見については" answers no one
         * in particular.
         */
        private void unaddressedAnswer(Turn t, Turn previous, int raisingTurns) {
            String s = t.said().text();
            List<Integer> at = t.said().lines(0, s.length());
            if (parts(s, 0, s.length()).isEmpty()) {
                return;
            }
            List<Comment> raised = previous == null ? List.of() : commentsOf.getOrDefault(previous, List.of());
            if (raised.isEmpty() || raisingTurns != 1) {
                uncertain.add(new Uncertain(at, "what " + t.written() + " says names no one it answers, and "
                        + (raisingTurns > 1 ? raisingTurns + " speakers raised points since the last answer" : "no member spoke just before")
                        + "; not joined"));
                block(t, null, 0, s.length(), at);
                return;
            }
            List<Comment> open = raised.stream().filter(c -> !answered.contains(c.ref())).toList();
            block(t, previous.speaker(), 0, s.length(), at, open);
        }

        private void block(Turn t, Participant addressee, int from, int to, List<Integer> blockLines) {
            block(t, addressee, from, to, blockLines, null);
        }

        /** Joins each part of one answer block to the addressee's open points (or to {@code given} points). */
        private void block(Turn t, Participant addressee, int from, int to, List<Integer> blockLines, List<Comment> given) {
            String s = t.said().text();
            List<Part> parts = parts(s, from, to, true);
            if (parts.isEmpty()) {
                return;
            }
            List<Comment> open = new ArrayList<>();
            if (given != null) {
                open.addAll(given.stream().filter(c -> !answered.contains(c.ref())).toList());
                if (open.isEmpty()) {
                    uncertain.add(new Uncertain(blockLines, "the points this answer would take are answered already; not joined"));
                }
            } else if (addressee != null) {
                for (Comment c : comments) {
                    if (addressee.name().equals(c.author()) && !answered.contains(c.ref())) {
                        open.add(c);
                    }
                }
                if (open.isEmpty()) {
                    uncertain.add(new Uncertain(blockLines, "answer to " + addressee.name()
                            + ", who has no unanswered point at this place; not joined"));
                }
            }
            Map<Integer, List<Integer>> joined = new HashMap<>(); // part index -> indexes into open
            Set<Integer> used = new HashSet<>();
            Set<Integer> failed = new HashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                if (open.isEmpty()) {
                    failed.add(i);
                    continue;
                }
                Part p = parts.get(i);
                String first = s.substring(p.sentences().get(0).start(), p.sentences().get(0).end()).strip();
                List<Anchor> anchors = topicAnchors(first);
                if (!anchors.isEmpty()) {
                    List<Integer> hits = new ArrayList<>();
                    for (Anchor a : anchors) {
                        Integer hit = match(a, open, used);
                        if (hit == null) {
                            failed.add(i);
                            uncertain.add(new Uncertain(t.said().lines(p.start(), p.end()), "answer part about "
                                    + describe(a) + " matches not exactly one open point of " + (addressee == null ? "the turn before" : addressee.name()) + "; not joined"));
                            hits.clear();
                            break;
                        }
                        hits.add(hit);
                    }
                    if (!hits.isEmpty()) {
                        used.addAll(hits);
                        joined.put(i, hits);
                    }
                    continue;
                }
                String lead = CONNECTIVES.matcher(first).replaceFirst("");
                Matcher ord = ORDINAL.matcher(lead);
                if (ord.find()) {
                    int n = ordinal(ord.group(1)) - 1;
                    if (n >= 0 && n < open.size() && !used.contains(n)) {
                        used.add(n);
                        joined.put(i, List.of(n));
                    } else {
                        failed.add(i);
                        uncertain.add(new Uncertain(t.said().lines(p.start(), p.end()),
                                "answer part names point " + (n + 1) + " of " + (addressee == null ? "the turn before" : addressee.name()) + ", who has no such open point"));
                    }
                }
            }
            // parts that cover every remaining point: 「いずれも」「2点とも」, when they are the block's only open part
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
                    joined.put(loose.get(0), rest);
                    used.addAll(rest);
                    loose.clear();
                }
            }
            // the rest by order: a run of unjoined parts takes the unanswered points between its neighbours' points
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
                    for (int c : joined.getOrDefault(k, List.of())) {
                        low = Math.max(low, c);
                    }
                }
                int high = open.size();
                for (int k = j; k < parts.size(); k++) {
                    for (int c : joined.getOrDefault(k, List.of())) {
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
                    for (int k = i; k < j; k++) {
                        joined.put(k, List.of(window.get(k - i)));
                        used.add(window.get(k - i));
                    }
                } else {
                    for (int k = i; k < j; k++) {
                        failed.add(k);
                        Part p = parts.get(k);
                        uncertain.add(new Uncertain(t.said().lines(p.start(), p.end()), (j - i) + " answer part(s) of "
                                + t.written() + " without a page or order, and " + window.size() + " open point(s) of "
                                + (addressee == null ? "no one" : addressee.name()) + " they could answer; not joined"));
                    }
                }
                i = j;
            }
            String responder = t.speaker() == null ? null : t.speaker().name();
            if (t.speaker() == null) {
                uncertain.add(new Uncertain(blockLines, "responder '" + t.written() + "' is no single attendee; responder left empty"));
            }
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                List<Integer> at = t.said().lines(p.start(), p.end());
                Phrases.Decision d = Phrases.decide(p.text());
                if (d == null) {
                    uncertain.add(new Uncertain(at, "no phrase of the answer decides its disposition"));
                }
                Commitment commitment = d == null || d.commitment() == null ? null : new Commitment(d.commitment(), d.commitmentSentence());
                List<Integer> targets = joined.get(k);
                if (targets == null) {
                    responses.add(new Response(null, responder, d == null ? null : d.disposition(), commitment,
                            d == null ? null : d.evidence(), p.text(), at));
                    continue;
                }
                for (int c : targets) {
                    String ref = open.get(c).ref();
                    answered.add(ref);
                    responses.add(new Response(ref, responder, d == null ? null : d.disposition(), commitment,
                            d == null ? null : d.evidence(), p.text(), at));
                }
            }
        }

        /** The one open point this anchor names: same pages and footnote, else the one whose pages contain it. */
        private static Integer match(Anchor a, List<Comment> open, Set<Integer> used) {
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

        private static String describe(Anchor a) {
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
}

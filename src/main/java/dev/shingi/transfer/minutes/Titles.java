package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titles of the people in a minutes document (主査, 構成員, 企画官 …): how a title is told from the name it is glued
 * to, what role it gives, and when a title as spoken matches the title as listed.
 */
final class Titles {
    private Titles() {
    }

    /** Titles glued after a member's or chair's name, longest first so that 専門委員 is not read as 委員. */
    static final List<String> MEMBER_TITLES = List.of("分科会長代理", "部会長代理", "委員長代理", "主査代理", "座長代理",
            "会長代理", "会長職務代理者", "副分科会長", "副部会長", "副委員長", "副座長", "副主査", "副会長", "分科会長", "部会長",
            "委員長", "専門委員", "臨時委員", "特別委員", "構成員", "主査", "座長", "会長", "委員", "オブザーバー");
    static final Set<String> CHAIR_TITLES = Set.of("主査", "座長", "会長", "部会長", "分科会長", "委員長");
    private static final Set<String> MEMBERISH = Set.of("構成員", "委員", "専門委員", "臨時委員", "特別委員");
    /**
     * Titles glued after a name whose role the title does not tell: an adviser may sit as a member, speak as a guest or
     * belong to the secretariat. Read as titles (so the name stays whole), the role left for the reviewer.
     */
    static final List<String> OTHER_TITLES = List.of("アドバイザー", "コーディネーター", "ファシリテーター", "有識者",
            "参与", "顧問", "相談役", "専門家", "参考人", "講師", "幹事");
    /** The last word of an official's title (課長, 企画官, 事務局 …), after any （…） that names the duty. */
    private static final Pattern OFFICIAL_TITLE = Pattern.compile(
            "^(?:事務局.*|担当|.*(?:官|課長|室長|局長|部長|次長|所長|館長|係長|班長|課長代理|主幹|主任|主事|主事補|書記|"
                    + "参事|理事|補佐|担当|事務局|事務局長|職員|技師|大臣|知事|市長|町長|村長|区長|教育長|センター長|監|"
                    + "統括|総括))$");
    /** Words an official's title starts with (佐藤|企画官, 豊嶋|大臣官房審議官, 田中|情報流通行政局長 …). */
    private static final List<String> OFFICIAL_TITLE_STARTS = List.of("大臣官房", "大臣", "副大臣", "政務官", "事務次官",
            "総務審議官", "審議官", "統括官", "参事官", "企画官", "課長", "室長", "局長", "部長", "次長", "補佐", "調査官",
            "専門官", "係長", "主任", "総括", "統括", "政策", "情報", "官房", "事務局", "技術", "国際", "地域", "総合",
            "サイバー", "電気通信", "電波", "放送", "評価", "企画", "総務", "管理", "調整", "審査", "研究", "官");
    static final String TITLE_ALTERNATION = String.join("|", MEMBER_TITLES);
    /** Speakers the minutes name only by their title (anonymised minutes): never an author. */
    static final Set<String> ANONYMOUS = Set.of("委員", "構成員", "専門委員", "臨時委員", "メンバー", "有識者",
            "オブザーバー", "委員等", "構成員等");
    private static final Pattern SHORT_TITLE = Pattern.compile(
            "(課長補佐|統括補佐|参事官補佐|室長|課長|部長|局長|審議官|参事官|企画官|調査官|専門官|統括官|補佐)(?:[（(][^）)]*[）)])?$");

    /**
     * A person as written: {@code title} is null when the text does not show where the name ends; {@code guessed}
     * when the name was cut at the usual two characters of a surname, nothing in the text marking the end.
     */
    record NameAndTitle(String name, String title, boolean guessed) {
        NameAndTitle(String name, String title) {
            this(name, title, false);
        }
    }

    /** An organisation, not a person: 「政策局総合政策課」「総務省消防庁」. */
    private static final Pattern ORGANISATION = Pattern.compile(".*(?:省|庁|府|局|部|課|室|センター|機構)$");
    /** The last word of an official's title written after the name without a marked boundary: 「原田健康福祉部長」. */
    private static final Pattern OFFICIAL_SUFFIX = Pattern.compile(
            ".*(?:部長|課長|室長|局長|次長|所長|館長|係長|主幹|主査|主任|主事|書記|参事|理事|補佐|担当)$");

    /** A member's title is a suffix; an official's starts after a short surname. */
    static NameAndTitle split(String e) {
        for (String t : MEMBER_TITLES) {
            if (e.endsWith(t) && e.length() > t.length()) {
                return new NameAndTitle(e.substring(0, e.length() - t.length()), t);
            }
        }
        for (String t : OTHER_TITLES) {
            if (e.endsWith(t) && e.length() > t.length()) {
                return new NameAndTitle(e.substring(0, e.length() - t.length()), t);
            }
        }
        if (e.equals("事務局")) {
            return new NameAndTitle("", "事務局");
        }
        if (ORGANISATION.matcher(e).matches()) {
            return new NameAndTitle(e, null);
        }
        for (int i = 1; i <= Math.min(4, e.length() - 1); i++) {
            String name = e.substring(0, i);
            String rest = e.substring(i);
            if (!name.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '々' || cp == 'ヶ')) {
                break;
            }
            char first = rest.charAt(0);
            boolean han = Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN;
            boolean hiragana = Character.UnicodeScript.of(first) == Character.UnicodeScript.HIRAGANA;
            // a title starts at katakana or a title word; hiragana goes on with the word (「子ども政策課」 is not 子|ども…)
            if ((!han && !hiragana) || (han && OFFICIAL_TITLE_STARTS.stream().anyMatch(rest::startsWith))) {
                if (i == 1 && han && !rest.startsWith("官")) {
                    continue; // one-character surnames are rare before a Han title; prefer a longer one
                }
                return new NameAndTitle(name, rest);
            }
            if (!han) {
                break;
            }
        }
        if (e.length() >= 5 && OFFICIAL_SUFFIX.matcher(e).matches()
                && e.codePoints().limit(2).allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return new NameAndTitle(e.substring(0, 2), e.substring(2), true);
        }
        return new NameAndTitle(e, null);
    }

    /**
     * Chair, observer or member by a member's title; secretariat by an official's (its last word: 課長, 企画官, 事務局,
     * 担当 …). Null for no title and for a title whose role it does not tell (参与, 顧問, 有識者, 大学教授 …): never a
     * guess — the caller flags it {@code role-unknown} and the reviewer chooses.
     */
    static Role roleOf(String title) {
        if (title == null || title.isBlank()) {
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
        if (title.equals("参考人")) {
            return Role.OBSERVER; // heard by the body, not of it
        }
        if (OTHER_TITLES.contains(title)) {
            return null;
        }
        String duty = title.replaceFirst("[（(][^（()）]*[）)]$", ""); // 参事官（政策担当） is a 参事官
        return OFFICIAL_TITLE.matcher(duty).matches() ? Role.SECRETARIAT : null;
    }

    /** Whether a title as spoken may be the title as listed (参事官 for 参事官（政策担当）, 委員 for 構成員). */
    static boolean compatible(String listed, String spoken) {
        if (spoken == null || listed == null) {
            return spoken == null;
        }
        listed = listed.replaceFirst("[（(][^（()）]*[）)]$", ""); // 参事官（政策担当） is spoken as 参事官
        return listed.equals(spoken) || listed.endsWith(spoken) || spoken.endsWith(listed)
                || (MEMBERISH.contains(listed) && MEMBERISH.contains(spoken));
    }

    /**
     * Whether a title as spoken names the role a participant holds though their listed title is another word (an
     * affiliation, 「さくら学院大学教授」): 委員/構成員 a member, a chair's title the chair, an official's title the end of
     * the official's.
     */
    static boolean sameRole(Role role, String listed, String spoken) {
        if (spoken == null || role == null) {
            return false;
        }
        return switch (role) {
            case MEMBER -> MEMBERISH.contains(spoken);
            case CHAIR -> CHAIR_TITLES.contains(spoken);
            default -> false;
        };
    }

    /** The last word of an official's long title, as speaker lines abbreviate it (…課課長補佐 → 課長補佐). */
    static String shortTitle(String title) {
        Matcher m = SHORT_TITLE.matcher(title);
        return m.find() ? m.group(1) : title;
    }
}

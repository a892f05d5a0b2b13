package dev.shingi.transfer.minutes;

import java.util.List;
import java.util.Set;

/**
 * What an answer and a point are about, told by the words they share: the longest run of kanji, katakana or Latin
 * letters of the answer that the point also holds (「避難所データの標準化は…」 and 「22ページの避難所データについて」 share
 * 避難所データ). Words every point of minutes may hold (ページ, 記載, 検討 …) say nothing of the topic and are not counted.
 */
final class Topics {
    /** The shortest shared run that joins an answer to a point on its own. */
    static final int MIN = 3;
    /** The shortest shared run that bears out a join made by order (「凡例については」 ↔ 「…図表4の凡例が…」). */
    static final int WORD = 2;
    private static final Set<String> COMMON = Set.of("ページ", "記載", "検討", "指摘", "修正", "事務局", "委員", "構成員",
            "資料", "意見", "回答", "質問", "必要", "重要", "対応", "今後", "現在", "全体", "部分", "考え方", "取組", "方針",
            "計画", "素案", "本文", "脚注", "追記", "反映", "明記", "趣旨");

    private Topics() {
    }

    /** The length of the longest run of topic characters {@code a} and {@code b} share, 0 for none of at least {@code min}. */
    static int shared(String a, String b, int min) {
        for (String w : COMMON) { // not counted, nor any piece of one (ペー of ページ)
            a = a.replace(w, "・");
            b = b.replace(w, "・");
        }
        int best = 0;
        int i = 0;
        while (i < a.length()) {
            int j = i;
            while (j < a.length() && topical(a.charAt(j))) {
                j++;
            }
            for (int from = i; from < j; from++) {
                for (int to = j; to - from >= Math.max(min, best + 1); to--) {
                    String w = a.substring(from, to);
                    if (b.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                        best = to - from;
                        break;
                    }
                }
            }
            i = j == i ? i + 1 : j;
        }
        return best;
    }

    /**
     * The index of the one candidate the text shares the longest topic word (of {@code min} characters or more)
     * with — strictly longer than any other candidate shares — or -1 when none shares one or two share as long.
     */
    static int best(String text, List<String> candidates, int min) {
        int best = -1;
        int bestLength = 0;
        boolean tie = false;
        for (int k = 0; k < candidates.size(); k++) {
            int n = shared(text, candidates.get(k), min);
            if (n > bestLength) {
                best = k;
                bestLength = n;
                tie = false;
            } else if (n == bestLength && n > 0) {
                tie = true;
            }
        }
        return tie ? -1 : best;
    }

    private static boolean topical(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.KATAKANA || c == 'ー' || c == '々'
                || (c < 128 && Character.isLetterOrDigit(c));
    }
}

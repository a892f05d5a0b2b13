package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase tables (docs/import-minutes.md prints them): which wording of an answer decides its disposition and
 * commitment, and which wording of a comment decides its kind. Tables are tried in the order written; the first
 * table with a match wins, and the phrase it matched is the evidence.
 */
final class Phrases {
    private Phrases() {
    }

    private static final String CHANGE_VERB = "(?:修正|記載|追記|追加|明記|反映|加筆|削除|差し替え|差替え|訂正|補足|記述|書き換え|置き換え|更新|整理|統一|掲載|注記|併記|付記)";

    record Rule(Disposition disposition, boolean action, Pattern pattern) {
    }

    /** Strongest first: a refusal outweighs anything said around it, a change outweighs "will consider". */
    static final List<Rule> DISPOSITIONS = List.of(
            rule(Disposition.DECLINED, false, "難しい|困難|見送りたい|見送らせていただきたい|原案(?:の)?(?:とおり|どおり)"
                    + "|" + CHANGE_VERB + "(?:は|することは)?(?:しない|いたしません|しません|考えていない)"),
            rule(Disposition.ACCEPTED, false, CHANGE_VERB + "(?:し|を行い|させていただき|いたし|して参り|してまいり|していき)たい"
                    + "|" + CHANGE_VERB + "(?:する|します|いたします|させていただく|させていただきます)(?!こと|か|の|よう|方向|べき|必要)"
                    + "|(?:書き加え|改め|加え|盛り込み|盛り込ませていただき|書き込み|書き|記し|修文し|差し替え|差替え|置き換え|書き換え|含め|併記し|注記し|付記し)たい"
                    + "|(?:書き加え|改め|加え|載せ|盛り込み|差し替え|差替え|置き換え|書き換え)ます"),
            rule(Disposition.CONSIDERING, false, "検討(?:し|させていただき|いたし|を進め|してまいり|して参り|していき)たい"
                    + "|検討(?:する|します|していく|してまいる|してまいります|して参ります|いたします|を進めます)"
                    + "|(?:ご)?(?:相談|調整)(?:し|させていただき|いたし)たい|精査したい|考えてみたい"
                    + "|(?:検討)?課題と(?:し|させていただき)たい"),
            rule(Disposition.NOTED, true, "(?:取組|取り組み)を(?:進め|推進し|強化し|拡大し|続け)(?:たい|ていきたい|てまいりたい|て参りたい)"
                    + "|取り組(?:み|んでいき|んでまいり|んで参り)たい"
                    + "|(?:進め|推進し|強化し|拡大し|拡充し|連携し|支援し|対応し|努め|協力し|働きかけ|周知し|行っ)(?:ていき|てまいり|て参り)?たい"
                    + "|見直し(?:を)?(?:行い|行っていき|し)たい"),
            rule(Disposition.ANSWERED, false, "既に[^。]{0,30}?(?:記載|記述|明記|言及|盛り込|反映)(?:して|されて|し)(?:いる|おり|います|おります)"
                    + "|(?:記載|記述|言及)(?:して|されて)いる(?:ところ|とおり)"
                    + "|(?:含まれて|含んで)(?:いる|おり)|念頭に(?:置いて|おいて)(?:記載|作成|記述)|という趣旨(?:である|です)"
                    + "|(?:対応|記載)済み|(?:修正|変更|追記|記載)(?:する)?(?:の)?必要(?:は|性は)(?:ない|ありません)"
                    // a question answered with a fact or a plan: 「1,240人となっております」「12月から実施する予定です」
                    + "|既に[^。]{0,30}?(?:進めて|行って|実施して|作成して|取り組んで)(?:いる|おり|います|おります)"
                    + "|予定(?:です|である|としている|としております|となっている|となっております)"
                    + "|となっております|によるもの(?:です|である)"),
            rule(Disposition.NOTED, false, "承知(?:した|しました|している|しております|いたしました)|拝承"
                    + "|参考(?:に|と)(?:し|させていただき)たい|参考と(?:する|させていただく)|受け止め(?:たい|る|ます)"));

    private static Rule rule(Disposition d, boolean action, String regex) {
        return new Rule(d, action, Pattern.compile(regex));
    }

    static final Pattern ACTION = DISPOSITIONS.get(3).pattern();

    /** The disposition of an answer, the phrase that decided it, and its commitment (null when none is made). */
    record Decision(Disposition disposition, String evidence, CommitmentKind commitment, String commitmentSentence) {
    }

    static Decision decide(String answer) {
        for (Rule r : DISPOSITIONS) {
            Matcher m = r.pattern().matcher(answer);
            if (!m.find()) {
                continue;
            }
            String evidence = m.group();
            CommitmentKind kind = switch (r.disposition()) {
                case ACCEPTED -> CommitmentKind.REVISE_DRAFT;
                case CONSIDERING -> CommitmentKind.CONSIDER;
                default -> null;
            };
            String sentence = sentenceAround(answer, m.start());
            if (kind == null) {
                Matcher action = ACTION.matcher(answer);
                if (action.find()) {
                    kind = CommitmentKind.ACTION;
                    sentence = sentenceAround(answer, action.start());
                }
            }
            return new Decision(r.disposition(), evidence, kind, kind == null ? null : sentence);
        }
        return null;
    }

    /** The sentence of {@code text} holding position {@code at}, without its leading connectives. */
    static String sentenceAround(String text, int at) {
        int start = at;
        while (start > 0 && text.charAt(start - 1) != '。' && text.charAt(start - 1) != '\n') {
            start--;
        }
        int end = text.indexOf('。', at);
        end = end < 0 ? text.length() : end + 1;
        String s = text.substring(start, end).replace("\n", "").strip();
        return s.replaceFirst("^(?:また|なお|次に|さらに|その上で|ついては)、", "");
    }

    private static final Pattern EDITORIAL = Pattern.compile(
            "誤字|脱字|誤植|誤記|typo|括弧|かっこ|カッコ|表記|引用|出典|文献|参考資料の記載|リンク切れ");
    private static final Pattern QUESTION = Pattern.compile(
            "[?？]|(?:の|でしょう|ます|ない|る|た|い)か[。」]|(?:教えて|伺い|お伺いし|確認し)(?:いただき|させていただき)?たい|質問");
    private static final Pattern CHANGE = Pattern.compile(
            "べき|てはどうか|ではどうか|てほしい|いただきたい|いただければ|望ましい|必要(?:がある|ではないか|だ|である)"
                    + "|明記|追記|修正(?:を|して|が)|記載(?:を|して|して(?:は|も)|すると|すべき|いただき|が必要)|盛り込(?:む|んで|むべき|んではどうか)|反映(?:を|して|させ|すべき)|書いて|加えて(?:は|いただ)");
    private static final Pattern ENDORSE = Pattern.compile("賛同|賛成|適切|評価(?:したい|する|できる)|良い|よい|結構|異論はない|違和感はない|ちょうど|素晴らしい");

    /** Kind of a comment: editorial, else question, else change request, else endorsement, else remark. */
    static CommentKind kind(String comment) {
        if (EDITORIAL.matcher(comment).find()) {
            return CommentKind.EDITORIAL;
        }
        if (QUESTION.matcher(comment).find()) {
            return CommentKind.QUESTION;
        }
        if (CHANGE.matcher(comment).find()) {
            return CommentKind.CHANGE_REQUEST;
        }
        if (ENDORSE.matcher(comment).find()) {
            return CommentKind.ENDORSEMENT;
        }
        return CommentKind.REMARK;
    }

    /** Sentences that carry no point: thanks, "that is all from me", "I have two comments", a chair's procedure. */
    private static final Pattern FILLER = Pattern.compile(
            "^(?:(?:ご説明|ご回答|ご指摘)?(?:ありがとうございま(?:す|した)|ありがとう)[。、]?"
                    + "|(?:私から(?:は)?)?以上(?:です|でございます)?[。]?"
                    + "|(?:\\d+|一|二|三|四|五|何)点(?:ほど)?(?:コメント|質問|意見|申し上げ|発言|お願い|お伺い|ある|あります)[^。]*。"
                    + "|(?:主な)?(?:内容|意見|発言)は(?:以下|次)のとおり[^。]*。"
                    + "|(?:\\d+|一)点だけ[^。]{0,10}。"
                    + "|(?:それでは|では)?、?(?:事務局|[^。]{1,20}(?:から|より))[^。]{0,30}(?:回答|説明|ご発言|コメント)(?:を)?(?:お願いしたい|お願いします|いただきたい|いただけるか)[^。]*。"
                    + "|[^。]{0,20}書面(?:にて|で)(?:意見|コメント)を(?:提出|送付)[^。]*。"
                    + "|(?:ほかに|他に)[^。]{0,20}(?:あるか|ありますか|いかがか)[^。]*。"
                    + "|[^。]{0,10}(?:次の議題|議事|次に)[^。]{0,10}(?:移りたい|移ります|進めたい)[^。]*。"
                    // 「資料の5ページ,…について,2点伺います。」: an announcement of the points that follow
                    + "|[^。]{0,60}(?:について|に関して)[、,]?(?:\\d+|一|二|三|四|五)点(?:ほど)?(?:伺い|お伺い|質問|確認|お聞き|申し上げ|意見|コメント|あり)[^。]*。"
                    // a chair's procedure in a council's committee
                    + "|[^。]{0,30}(?:開会|閉会|散会|休憩|再開)(?:いたします|します|とします|といたします)。"
                    + "|(?:御|ご)?質疑(?:は)?(?:ありますか|ありませんか)[^。]*。|(?:ほかに|他に)[^。]{0,10}ありませんか。"
                    + "|[^。]{0,60}(?:説明|報告)を(?:求めます|願います|お願いします|お願いいたします)。|(?:説明|報告)が終わりました。"
                    + "|以上で[^。]{0,30}(?:終了|閉会)[^。]*。|本日の(?:議題|日程)は[^。]*。"
                    // an official opening an explanation: 「資料の1ページをご覧願います。」「概要をご説明させていただきます。」
                    + "|[^。]{0,30}ご覧(?:願います|ください|いただきたい)。|[^。]{0,40}(?:ご)?説明(?:させていただきます|いたします|申し上げます)。)$");

    private static final Pattern ANNOUNCES = Pattern.compile("(?:\\d+|一|二|三|四|五)点(?:ほど)?(?:伺い|お伺い|質問|確認|お聞き|申し上げ|意見|コメント|あり|ある)");

    /** A dropped sentence that announces points (「2点伺います」): its anchor is the topic of those points. */
    static boolean announcesPoints(String sentence) {
        return ANNOUNCES.matcher(sentence).find();
    }

    static boolean filler(String sentence) {
        return FILLER.matcher(sentence.strip()).matches();
    }
}

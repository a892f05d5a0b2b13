package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.TextPage;

import java.util.ArrayList;
import java.util.List;

/**
 * Documents for the comparison tests, written as a reader sees them: one string per page, lines separated by
 * newlines. The sentences are invented in the manner of a government draft (the reference deliberation's subject,
 * ICT cyber-security policy); the minutes on record do not give the draft's text.
 */
final class Drafts {
    private Drafts() {
    }

    static DocumentText document(String... pages) {
        List<TextPage> out = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            out.add(new TextPage(i + 1, pages[i].isEmpty() ? List.of() : List.of(pages[i].split("\n"))));
        }
        return new DocumentText("0".repeat(64), out);
    }

    static final String HEADING = "第３章　ＩｏＴ機器のセキュリティ対策";
    static final String NOTICE_1 = "総務省は、ＮＯＴＩＣＥの取組を通じて、脆弱なＩｏＴ機器の利用者に対する注意喚起を";
    static final String NOTICE_2 = "実施してきた。今後は、セキュア・バイ・デザインの考え方を踏まえ、製造事業者との";
    static final String NOTICE_3 = "連携を一層強化する。";
    static final String PORT = "経済安全保障推進法の改正により、港湾運送が基幹インフラ事業に追加された。";
    static final String DMARC_1 = "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、その導入状況を";
    static final String DMARC_2 = "定期的に公表する。";

    /** Version 1: page 1 the IoT section, page 2 the port-transport sentence and the e-mail measures. */
    static DocumentText v1() {
        return document(
                String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3),
                String.join("\n", PORT, DMARC_1, DMARC_2));
    }
}

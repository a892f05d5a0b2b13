package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.Cause;
import dev.shingi.drafttext.api.ChangeProvenance;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Keeping;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.TextChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shingi.drafttext.compare.Drafts.DMARC_1;
import static dev.shingi.drafttext.compare.Drafts.HEADING;
import static dev.shingi.drafttext.compare.Drafts.NOTICE_1;
import static dev.shingi.drafttext.compare.Drafts.PORT;
import static dev.shingi.drafttext.compare.Drafts.document;
import static org.assertj.core.api.Assertions.assertThat;

/** Meeting 10's comments #2 (secure by default, p.1 here) and #13 (a citation in a footnote) kept by an invented v2. */
class ComparisonProvenanceTest {
    static final String SECURE_BY_DESIGN = ComparisonReanchorTest.SECURE_BY_DESIGN;
    static final String SECURE_BY_DEFAULT = ComparisonReanchorTest.SECURE_BY_DEFAULT;

    static DocumentText v2() {
        return document(
                String.join("\n", HEADING, NOTICE_1,
                        "実施してきた。今後は、セキュア・バイ・デザイン、セキュア・バイ・デフォルト及びシフトレフトの",
                        "考え方を踏まえ、製造事業者との連携を一層強化する。"),
                String.join("\n", PORT, DMARC_1, "毎年度公表する。"));
    }

    static final Keeping KEPT_AT_PAGE_1 = new Keeping("c2-1", "#2.1", "c2", "#2", 1, null, null);
    static final Keeping KEPT_IN_A_FOOTNOTE = new Keeping("c13-1", "#13.1", "c13", "#13", null, "14", null);
    static final Keeping KEPT_WHERE_NOTHING_CHANGED = new Keeping("c1-1", "#1.1", "c1", "#1", 3, null, null);

    @Test
    void eachChangeNamesTheCommitmentKeptOnItsPageAndTheCommentOnItsPassageAndTheRestIsUnexplained() {
        Provenance provenance = Comparison.between(Drafts.v1(), v2()).provenance(
                List.of(KEPT_AT_PAGE_1, KEPT_IN_A_FOOTNOTE, KEPT_WHERE_NOTHING_CHANGED),
                List.of(new CommentAnchor("c2", "#2", 1, 3, "セキュア・バイ・デザインの考え方", null, null),
                        new CommentAnchor("c1", "#1", 2, 1, "港湾運送", null, null)));

        assertThat(provenance.changes()).containsExactly(
                new ChangeProvenance(new TextChange(1, 3, 1, 1, 3, 1, SECURE_BY_DESIGN, SECURE_BY_DEFAULT), List.of(
                        new Cause(Cause.Kind.FULFILMENT, "c2", "#2", "c2-1", "#2.1"),
                        new Cause(Cause.Kind.COMMENT, "c2", "#2", null, null))),
                new ChangeProvenance(new TextChange(2, 2, 2, 2, 2, 2,
                        "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、その導入状況を定期的に公表する。",
                        "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、その導入状況を毎年度公表する。"), List.of()));
        assertThat(provenance.changes().get(1).unexplained()).isTrue();
        assertThat(provenance.unplaced()).containsExactly(KEPT_IN_A_FOOTNOTE, KEPT_WHERE_NOTHING_CHANGED);
    }

    @Test
    void aCommitmentKeptAtAPageLinksEveryChangeOnThatPageIncludingOneThatRunsOntoIt() {
        DocumentText v2 = document(String.join("\n", HEADING, NOTICE_1, "実施してきた。", "今後は、ルーター等の"),
                "脆弱性への対処を含め、製造事業者との連携を一層強化する。\n" + PORT + "\n" + DMARC_1 + "\n" + Drafts.DMARC_2);

        Provenance provenance = Comparison.between(Drafts.v1(), v2).provenance(
                List.of(new Keeping("c5-1", "#5.1", "c5", "#5", 2, null, null)), List.of());

        assertThat(provenance.changes()).hasSize(1);
        assertThat(provenance.changes().get(0).change().toPage()).isEqualTo(1);
        assertThat(provenance.changes().get(0).change().toLastPage()).isEqualTo(2);
        assertThat(provenance.changes().get(0).causes())
                .containsExactly(new Cause(Cause.Kind.FULFILMENT, "c5", "#5", "c5-1", "#5.1"));
        assertThat(provenance.unplaced()).isEmpty();
    }

    @Test
    void aCommentWhosePassageWasDeletedIsBehindTheDeletion() {
        DocumentText v2 = document(String.join("\n", HEADING, NOTICE_1, Drafts.NOTICE_2, Drafts.NOTICE_3),
                String.join("\n", DMARC_1, Drafts.DMARC_2));

        Provenance provenance = Comparison.between(Drafts.v1(), v2).provenance(List.of(),
                List.of(new CommentAnchor("c1", "#1", 2, 1, "港湾運送", null, null),
                        new CommentAnchor("c7", "#7", 2, 2, "ＤＭＡＲＣ", null, null)));

        assertThat(provenance.changes()).containsExactly(new ChangeProvenance(new TextChange(2, 1, 2, 2, 1, 2, PORT, ""),
                List.of(new Cause(Cause.Kind.COMMENT, "c1", "#1", null, null))));
    }
}

package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.Spot;
import dev.shingi.drafttext.api.TextPage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-anchoring's promise: an edit inside a quoted passage never comes out as CARRIED or MOVED, whatever the
 * document, its repeated sentences, its layout before and after (the newer version is re-flowed at another width, as a
 * revised PDF is), the edit, and whether the comment gave a prefix and suffix. And the other side of it: a passage in
 * a version that did not change is CARRIED. The sentences are invented, in the manner of a government draft.
 */
class ReanchoringProperties {

    static final List<String> SENTENCES = List.of(
            "関係機関と連携して対処する。",
            "総務省は、脆弱なＩｏＴ機器の調査を継続する。",
            "必要に応じて見直しを行う。",
            "（１）電気通信事業者の取組",
            "また、ＤＭＡＲＣの導入を促進する。",
            "○地方公共団体の情報システム",
            "第２章基本的な考え方",
            "国際連携を推進する。",
            "その結果を定期的に公表する。",
            "セキュア・バイ・デザインの考え方を踏まえ、製造事業者との連携を一層強化する。");
    static final String EDIT_CHARS = "のをは、。定確連携者";

    /** A draft, its layout, a quoted passage in it (found once), and an edit. */
    record Case(String text, int width, int linesPerPage, int newWidth, int newLinesPerPage,
                int quoteStart, int quoteLength, int editKind, int editOffset, char editChar, boolean context) {
        String quote() {
            return text.substring(quoteStart, quoteStart + quoteLength);
        }

        /** The text after the edit; the edit falls inside the passage. */
        String edited() {
            int at = quoteStart + editOffset;
            return switch (editKind) {
                case 0 -> text.substring(0, at + 1) + editChar + text.substring(at + 1);
                case 1 -> text.substring(0, at) + text.substring(at + 1);
                default -> text.substring(0, at) + editChar + text.substring(at + 1);
            };
        }

        /**
         * Whether the edited text no longer reads the passage there: a replacement by the same character, or an
         * insertion or deletion of a character like its neighbour (る。 + 。 is 。 added after the passage), is an edit
         * in name only.
         */
        boolean reallyInside() {
            int at = quoteStart + editOffset;
            return switch (editKind) {
                case 0 -> text.charAt(at) != editChar && text.charAt(at + 1) != editChar;
                case 1 -> (at == 0 || text.charAt(at - 1) != text.charAt(at))
                        && (at + 1 == text.length() || text.charAt(at + 1) != text.charAt(at));
                default -> text.charAt(at) != editChar;
            };
        }

        CommentAnchor anchor() {
            int lineIndex = quoteStart / width;
            String prefix = context ? text.substring(Math.max(0, quoteStart - 6), quoteStart) : null;
            String suffix = context ? text.substring(quoteStart + quoteLength,
                    Math.min(text.length(), quoteStart + quoteLength + 6)) : null;
            return new CommentAnchor("c", "#1", lineIndex / linesPerPage + 1, lineIndex % linesPerPage + 1, quote(),
                    prefix, suffix);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> texts = Arbitraries.of(SENTENCES).list().ofMinSize(2).ofMaxSize(20)
                .map(list -> String.join("", list));
        return Combinators.combine(texts,
                Arbitraries.integers().between(6, 40), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(6, 40), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(2, 24),
                Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((text, w, l, nw, nl, startDraw, length, editDraw) -> {
                    int start = startDraw % (text.length() - 1);
                    int len = Math.min(length, text.length() - start);
                    int kind = editDraw % 3;
                    int offset = (editDraw / 3) % 1000;
                    int editOffset = kind == 0 ? offset % (len - 1) : offset % len;
                    char editChar = EDIT_CHARS.charAt((editDraw / 3000) % EDIT_CHARS.length());
                    boolean context = (editDraw / 30_000) % 2 == 0;
                    return new Case(text, w, l, nw, nl, start, len, kind, editOffset, editChar, context);
                });
    }

    @Property(tries = 2000)
    void anEditInsideTheQuotedPassageIsNeverCarriedOrMoved(@ForAll("cases") Case c) {
        Assume.that(c.text().indexOf(c.quote()) == c.text().lastIndexOf(c.quote()));
        Assume.that(c.reallyInside());

        DocumentText older = layout(c.text(), c.width(), c.linesPerPage());
        DocumentText newer = layout(c.edited(), c.newWidth(), c.newLinesPerPage());
        List<Reanchoring> result = Comparison.between(older, newer).reanchor(List.of(c.anchor()));

        assertThat(result).hasSize(1);
        assertThat(result.get(0).status()).isIn(AnchorStatus.CHANGED, AnchorStatus.ORPHANED);
    }

    @Property(tries = 500)
    void aPassageOfAnUnchangedVersionIsCarriedWhereItWas(@ForAll("cases") Case c) {
        Assume.that(c.text().indexOf(c.quote()) == c.text().lastIndexOf(c.quote()));
        DocumentText version = layout(c.text(), c.width(), c.linesPerPage());
        CommentAnchor anchor = c.anchor();

        List<Reanchoring> result = Comparison.between(version, version).reanchor(List.of(anchor));

        assertThat(result).containsExactly(new Reanchoring("c", AnchorStatus.CARRIED,
                new Spot(anchor.page(), anchor.line(), c.quote()), new Spot(anchor.page(), anchor.line(), null), null, null));
    }

    /** The text broken into lines of {@code width} characters and pages of {@code linesPerPage} lines. */
    static DocumentText layout(String text, int width, int linesPerPage) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += width) {
            lines.add(text.substring(i, Math.min(text.length(), i + width)));
        }
        List<TextPage> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += linesPerPage) {
            pages.add(new TextPage(pages.size() + 1, lines.subList(i, Math.min(lines.size(), i + linesPerPage))));
        }
        return new DocumentText("0".repeat(64), pages);
    }
}

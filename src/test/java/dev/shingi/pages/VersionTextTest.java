package dev.shingi.pages;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.deliberation.api.Role;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.TextPage;
import dev.shingi.pages.TextSegments.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the text page puts each comment and what it marks, and the words the diff page marks: on the lines of the
 * Japanese and English pairs of {@code TwoVersions}.
 */
class VersionTextTest {
    static final DocumentText TEXT = new DocumentText("0".repeat(64), List.of(
            new TextPage(1, List.of("# 方向性（案）", "対策の強化と対策の強化の両方。")),
            new TextPage(2, List.of("## ２．現状と課題", "脆弱性対策の強化が求められている。"))));

    static CommentSummary comment(String id, Anchor anchor) {
        return new CommentSummary(id, "#" + id, "d", new ParticipantRef("tsuta", "蔦", Role.MEMBER, null), 1, anchor,
                anchor == null ? "—" : anchor.describe(), CommentKind.CHANGE_REQUEST, "修正を求める。", null,
                CommentStatus.OPEN, true, Instant.EPOCH, Instant.EPOCH);
    }

    static String marked(List<Segment> segments) {
        StringBuilder s = new StringBuilder();
        segments.forEach(x -> s.append(x.marked() ? "[" + x.text() + "]" : x.text()));
        return s.toString();
    }

    @Test
    void aCommentOnALineIsThereWithItsQuoteMarkedAfterItsPrefix() {
        VersionText t = VersionText.of(TEXT, List.of(comment("1",
                new Anchor(1, 1, null, null, "対策の強化", 2, 2, null, "強化と", "の両方"))));

        VersionText.Line line = t.pages().get(0).lines().get(1);
        assertThat(line.number()).isEqualTo(2);
        assertThat(marked(line.segments())).isEqualTo("対策の強化と[対策の強化]の両方。");
        assertThat(line.markers()).extracting(VersionText.Marker::reference).containsExactly("#1");
        assertThat(t.pages().get(0).markers()).isEmpty();
    }

    @Test
    void aPageWithoutALineIsAtThePagesHeadAndItsQuoteMarkedWhereThePageHasIt() {
        VersionText t = VersionText.of(TEXT, List.of(comment("2", new Anchor(2, 2, null, null, "脆弱性", 9, 9, null)),
                comment("3", Anchor.page(2))));

        assertThat(t.pages().get(1).markers()).extracting(VersionText.Marker::commentId).containsExactly("2", "3");
        assertThat(marked(t.pages().get(1).lines().get(1).segments())).isEqualTo("[脆弱性]対策の強化が求められている。");
        assertThat(t.pages().get(1).lines()).allSatisfy(l -> assertThat(l.markers()).isEmpty());
    }

    @Test
    void aQuoteWithoutAPageIsWhereTheTextFirstHasItAndOtherwiseUnplaced() {
        VersionText t = VersionText.of(TEXT, List.of(
                comment("4", new Anchor(null, null, null, null, "求められている")),
                comment("5", new Anchor(null, null, null, null, "どこにもない")),
                comment("6", null),
                comment("7", Anchor.page(3))));

        assertThat(t.pages().get(1).lines().get(1).markers()).extracting(VersionText.Marker::commentId)
                .containsExactly("4");
        assertThat(t.unplaced()).extracting(VersionText.Marker::commentId).containsExactly("5", "6", "7");
    }

    @Test
    void theDiffMarksTheWordsOnlyOneSideHasCharacterByCharacterInJapanese() {
        TextSegments.WordChange ja = TextSegments.words("脆弱性対策の強化が求められている。\n「重要インフラ」の定義は第３章による。",
                "脆弱性対策の一層の強化が求められている。");
        assertThat(marked(ja.old())).isEqualTo("脆弱性対策の強化が求められている。[\n「重要インフラ」の定義は第３章による。]");
        assertThat(marked(ja.changed())).isEqualTo("脆弱性対策の[一層の]強化が求められている。");

        TextSegments.WordChange en = TextSegments.words("Vulnerability handling must be strengthened.",
                "Vulnerability handling must be strengthened further.");
        assertThat(marked(en.old())).isEqualTo("Vulnerability handling must be strengthened.");
        assertThat(marked(en.changed())).isEqualTo("Vulnerability handling must be strengthened[ further].");

        TextSegments.WordChange inserted = TextSegments.words("", "人材育成にも取り組む。");
        assertThat(inserted.old()).isEmpty();
        assertThat(marked(inserted.changed())).isEqualTo("[人材育成にも取り組む。]");
    }
}

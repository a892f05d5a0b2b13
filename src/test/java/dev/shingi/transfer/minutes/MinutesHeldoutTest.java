package dev.shingi.transfer.minutes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser against the held-out documents of src/test/resources/minutes/heldout: minutes written by someone other than
 * the parser's author, before reading its rules, each with a hand-written expected answer. Scored with the issue's
 * bar: at least 95 % of comments with the right author and anchor, at least 90 % of answers joined to the right comment
 * with the right disposition, and no attribution the text does not support. The bar holds over the whole held-out set;
 * "Held-out evaluation" in docs/import-minutes.md records the per-document figures and what still fails.
 */
class MinutesHeldoutTest {

    static final List<String> DOCUMENTS = List.of("soumu-infra-wg", "meti-scsc-wg", "digital-registry-kentokai",
            "cao-bosai-bukai", "soumu-netsec-kenkyukai");

    static Scorer.Score score(String doc) {
        MinutesProposal p = new MinutesParser().parse(MinutesCorpusTest.resource("heldout/" + doc + ".txt"));
        return Scorer.score(doc, p, Scorer.Expected.parse(MinutesCorpusTest.resource("heldout/" + doc + ".expected")));
    }

    static String line(String name, Scorer.Score s) {
        return String.format("%-26s %3d/%-3d   %3d/%-3d  %3d       %3d/%-3d %3d/%-3d%n", name, s.commentsRight(),
                s.comments(), s.responsesRight(), s.responses(), s.invented().size(), s.kindsRight(), s.comments(),
                s.commitmentsRight(), s.responses());
    }

    @Test
    void theHeldOutSetMeetsTheBar() {
        Scorer.Score total = Scorer.Score.ZERO;
        StringBuilder report = new StringBuilder("\ndocument                   comments  answers  invented  kinds  commitments\n");
        for (String doc : DOCUMENTS) {
            Scorer.Score s = score(doc);
            report.append(line(doc, s));
            total = total.plus(s);
        }
        report.append(line("total", total));
        total.misses().forEach(m -> report.append("  miss: ").append(m).append('\n'));
        total.invented().forEach(m -> report.append("  INVENTED: ").append(m).append('\n'));
        System.out.println(report);

        assertThat(total.invented()).as(report.toString()).isEmpty();
        assertThat(total.commentRate()).as(report.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(total.responseRate()).as(report.toString()).isGreaterThanOrEqualTo(0.90);
        // what still fails, exactly, so that a change of either is seen (and the docs' table updated)
        assertThat(total.misses()).as(report.toString()).containsExactly(
                "cao-bosai-bukai: answer '標準データ形式を既に' to 'データ形式を統一' not joined with ANSWERED",
                "cao-bosai-bukai: answer '市町村職員向け研修' to '具体策が乏しい' not joined with NOTED");
    }
}

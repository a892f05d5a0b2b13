package dev.shingi.transfer.minutes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser against every test document of src/test/resources/minutes, scored with the bar: at least 95 %
 * of comments found with the right author and anchor, at least 90 % of answers joined to the right comment with the
 * right disposition, and no attribution the text does not support. Each document must pass on its own, too.
 */
class MinutesCorpusTest {

    static final List<String> DOCUMENTS = List.of("meeting-10", "shingikai-written", "kenkyukai-chair", "bukai-twice",
            "wg-ambiguous");

    static String resource(String name) {
        try (InputStream in = MinutesCorpusTest.class.getResourceAsStream("/minutes/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scorer.Score score(String doc) {
        MinutesProposal p = new MinutesParser().parse(resource(doc + ".txt"));
        return Scorer.score(doc, p, Scorer.Expected.parse(resource(doc + ".expected")));
    }

    @Test
    void everyDocumentMeetsTheBar() {
        Scorer.Score total = Scorer.Score.ZERO;
        StringBuilder report = new StringBuilder("\ndocument              comments  answers  invented  kinds  commitments\n");
        for (String doc : DOCUMENTS) {
            Scorer.Score s = score(doc);
            report.append(String.format("%-20s  %3d/%-3d   %3d/%-3d  %3d       %3d/%-3d %3d/%-3d%n", doc, s.commentsRight(),
                    s.comments(), s.responsesRight(), s.responses(), s.invented().size(), s.kindsRight(), s.comments(),
                    s.commitmentsRight(), s.responses()));
            total = total.plus(s);
        }
        report.append(String.format("%-20s  %3d/%-3d   %3d/%-3d  %3d       %3d/%-3d %3d/%-3d%n", "total", total.commentsRight(),
                total.comments(), total.responsesRight(), total.responses(), total.invented().size(), total.kindsRight(),
                total.comments(), total.commitmentsRight(), total.responses()));
        total.misses().forEach(m -> report.append("  miss: ").append(m).append('\n'));
        total.invented().forEach(m -> report.append("  INVENTED: ").append(m).append('\n'));
        System.out.println(report);

        assertThat(total.invented()).as(report.toString()).isEmpty();
        assertThat(total.commentRate()).as(report.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(total.responseRate()).as(report.toString()).isGreaterThanOrEqualTo(0.90);
        for (String doc : DOCUMENTS) {
            Scorer.Score s = score(doc);
            assertThat(s.commentRate()).as(doc + report).isGreaterThanOrEqualTo(0.95);
            assertThat(s.responseRate()).as(doc + report).isGreaterThanOrEqualTo(0.90);
        }
    }

    @Test
    void meetingTenIsReadCompletely() {
        Scorer.Score s = score("meeting-10");
        assertThat(s.misses()).isEmpty();
        assertThat(s.invented()).isEmpty();
        assertThat(s.commentsRight()).isEqualTo(18);
        assertThat(s.responsesRight()).isEqualTo(17);
        // the 22 attendees of shared/demo/meeting-10.md with their roles, nobody more, and the meeting exact
        assertThat(s.participants()).isEqualTo(22);
        assertThat(s.participantsRight()).isEqualTo(22);
        assertThat(s.meetings()).isEqualTo(1);
        assertThat(s.meetingsRight()).isEqualTo(1);
    }
}

package dev.shingi.transfer.minutes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser against src/test/resources/minutes/genre: five documents written in the layouts of real minutes of other
 * bodies (SOURCES.md names each real document and the traits it carries), with content of their own and a
 * hand-written expected answer that also gives the meeting's date and times and every participant with their role.
 * Each document must meet the bar on its own: comments with the right author and anchor ≥ 95 %, answers
 * joined right ≥ 90 %, no invented attribution, participants 100 % with the right roles, the meeting exact.
 * docs/import-minutes.md ("Genre evaluation") records the figures before and after the parser was changed for them.
 */
class MinutesGenreTest {

    static Scorer.Score score(String doc) {
        MinutesProposal p = new MinutesParser().parse(MinutesCorpusTest.resource("genre/" + doc + ".txt"));
        return Scorer.score(doc, p, Scorer.Expected.parse(MinutesCorpusTest.resource("genre/" + doc + ".expected")));
    }

    static String report(String doc, Scorer.Score s) {
        StringBuilder b = new StringBuilder(String.format("%n%s: comments %d/%d, answers %d/%d, invented %d, participants %d/%d, meeting %d/%d%n",
                doc, s.commentsRight(), s.comments(), s.responsesRight(), s.responses(), s.invented().size(),
                s.participantsRight(), s.participants(), s.meetingsRight(), s.meetings()));
        s.misses().forEach(m -> b.append("  miss: ").append(m).append('\n'));
        s.invented().forEach(m -> b.append("  INVENTED: ").append(m).append('\n'));
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"midori-jinken", "sakura-kosodate", "kaede-kosei", "asahi-somu", "aoba-keikaku-bukai"})
    void eachGenreDocumentMeetsTheBarOnItsOwn(String doc) {
        Scorer.Score s = score(doc);
        String report = report(doc, s);
        System.out.println(report);
        assertThat(s.invented()).as(report).isEmpty();
        assertThat(s.commentRate()).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(s.responseRate()).as(report).isGreaterThanOrEqualTo(0.90);
        assertThat(s.participantsRight()).as(report).isEqualTo(s.participants());
        assertThat(s.meetingsRight()).as(report).isEqualTo(s.meetings()).isEqualTo(1);
    }

    /**
     * mizuho-kankyo was written and annotated in the layout of another town's 会議録 (SOURCES.md) before the parser was
     * run on it. Held out, it got every comment and answer but no participant (0/7): its headings 出席委員の氏名 /
     * 出席職員の職・氏名 were not read. The attendee headings were then made general (出席 + 委員/職員/者 + の(職・)氏名,
     * and the other items of that 会議録 form end a list); after that change it is no longer a held-out figure.
     */
    @org.junit.jupiter.api.Test
    void aHeldOutDocumentInAnotherTownsLayout() {
        Scorer.Score s = score("mizuho-kankyo");
        String report = report("mizuho-kankyo", s);
        System.out.println(report);
        assertThat(s.invented()).as(report).isEmpty();
        assertThat(s.commentsRight()).as(report).isEqualTo(4).isEqualTo(s.comments());
        assertThat(s.responsesRight()).as(report).isEqualTo(3).isEqualTo(s.responses());
        assertThat(s.meetingsRight()).as(report).isEqualTo(1);
        assertThat(s.participantsRight()).as(report).isEqualTo(7);
        assertThat(s.participants()).as(report).isEqualTo(7); // nobody proposed the annotation lacks
    }
}

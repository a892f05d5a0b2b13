package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parser adds over its stages: the flags of all stages in the order of the document. */
class MinutesParserPipelineTest {

    @Test
    void aTurnsFlagsAboutItsPointsComeBeforeThoseAboutItsAnswer() {
        MinutesProposal p = new MinutesParser().parse(MinutesCorpusTest.resource("heldout/cao-bosai-bukai.txt"));
        List<String> reasons = p.uncertain().stream().map(Uncertain::reason).toList();
        int absent = reasons.indexOf("written comments of '林委員', who is not in the attendee list (absent); added as MEMBER");
        assertThat(absent).isPositive();
        assertThat(reasons.get(absent + 1)).isEqualTo("responder '（記述）' is no single attendee; responder left empty");
    }

    @Test
    void withoutProceedingsTheHeaderIsStillProposedAndTheGapFlagged() {
        String text = MinutesCorpusTest.resource("meeting-10.txt");
        MinutesProposal p = new MinutesParser().parse(text.substring(0, text.indexOf("５．議事概要")));
        assertThat(p.participants()).hasSize(22);
        assertThat(p.comments()).isEmpty();
        assertThat(p.uncertain()).containsExactly(new Uncertain(List.of(1, 25),
                "no 議事概要 (summary of proceedings) item found: no comments read", "no-proceedings", List.of()));
    }
}

package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.PointReader.Points;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerBlockTest {

    @Test
    void anAnswerToTwoMembersIsTwoBlocksEachTakingThatMembersPoints() {
        Points points = Stages.points("meeting-10");
        List<AnswerBlock> blocks = AnswerBlock.of(points.answers().get(0));
        assertThat(blocks).extracting(b -> b.addressee().name()).containsExactly("蔦", "上原");
        assertThat(blocks).extracting(AnswerBlock::takes).containsOnly(AnswerBlock.Takes.ADDRESSEES_POINTS);
        assertThat(blocks.get(0).points()).extracting(Comment::ref).containsExactly("c1", "c2", "c3", "c4");
        assertThat(blocks.get(1).points()).extracting(Comment::ref).containsExactly("c5", "c6", "c7", "c8");
        assertThat(blocks.get(0).lines()).containsExactly(58, 63);
        String said = blocks.get(0).by().said().text();
        assertThat(said.substring(blocks.get(0).from())).startsWith("15ページについては、");
        assertThat(blocks.get(0).flags()).isEmpty();
    }

    @Test
    void anAddresseeTwoAttendeesShareIsNoOneAndSaidSo() {
        Points points = Stages.points("wg-ambiguous");
        List<AnswerBlock> blocks = AnswerBlock.of(points.answers().get(0));
        AnswerBlock tanaka = blocks.get(1);
        assertThat(tanaka.addressee()).isNull();
        assertThat(tanaka.takes()).isEqualTo(AnswerBlock.Takes.NOTHING);
        assertThat(tanaka.flags()).containsExactly(new Uncertain(List.of(27, 27),
                "answer addressed to '構成員' named '田中': not exactly one attendee; not joined",
                "answer-addressee-ambiguous", List.of("構成員", "田中")));
        assertThat(blocks.get(0).addressee()).isEqualTo(points.roster().all().get(3)); // 高木構成員
    }

    @Test
    void anAnswerToTheTurnBeforeThatRaisedNothingIsJoinedToNothing() {
        Points points = Stages.points("wg-ambiguous");
        AnswerTurn yamada = points.answers().stream().filter(a -> a instanceof AnswerTurn.ToTurnBefore).findFirst().orElseThrow();
        List<AnswerBlock> blocks = AnswerBlock.of(yamada);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).takes()).isEqualTo(AnswerBlock.Takes.NOTHING);
        assertThat(blocks.get(0).flags()).containsExactly(new Uncertain(List.of(40, 40),
                "what 山田課長 says names no one it answers, and no member spoke just before; not joined",
                "answer-addressee-none", List.of("山田課長")));
    }

    @Test
    void aReportedAnswerTakesTheWrittenPoints() {
        Points points = Stages.points("heldout/cao-bosai-bukai");
        AnswerTurn reported = points.answers().stream().filter(a -> a instanceof AnswerTurn.Reported).findFirst().orElseThrow();
        AnswerBlock block = AnswerBlock.of(reported).get(0);
        assertThat(block.takes()).isEqualTo(AnswerBlock.Takes.GIVEN_POINTS);
        assertThat(block.addressee()).isEqualTo(new Participant("林", "委員", Role.MEMBER));
        assertThat(block.points()).hasSize(2);
        assertThat(block.lines()).containsExactly(60, 60);
    }

    @Test
    void namingAnAddresseeIsWhatMakesATurnAnAnswerByName() {
        assertThat(AnswerBlock.namesAddressee("蔦構成員への回答。15ページについては、")).isTrue();
        assertThat(AnswerBlock.namesAddressee("全体として、いただいたご意見を踏まえて修正したい。")).isFalse();
    }
}

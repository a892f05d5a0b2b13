package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.PointReader.Points;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PointReaderTest {

    @Test
    void meetingTenRaisesTheDemosEighteenPoints() {
        Points points = Stages.points("meeting-10");
        assertThat(points.comments()).hasSize(18);
        Comment c3 = points.comments().get(2);
        assertThat(c3.ref()).isEqualTo("c3");
        assertThat(c3.author()).isEqualTo("蔦");
        assertThat(c3.anchor()).isEqualTo(new Anchor(List.of(44), "40", null));
        assertThat(c3.lines()).containsExactly(41, 42);
        Comment c4 = points.comments().get(3);
        assertThat(c4.anchor()).isEqualTo(Anchor.NONE);
        assertThat(c4.kind()).isEqualTo(CommentKind.QUESTION);
        assertThat(c4.text()).startsWith("また、NISCが政府機関の脆弱性を");
        Comment c13 = points.comments().get(12);
        assertThat(c13.author()).isEqualTo("盛合");
        assertThat(c13.anchor()).isEqualTo(new Anchor(List.of(13), "14", null));
        assertThat(c13.kind()).isEqualTo(CommentKind.EDITORIAL);
        assertThat(points.comments().get(15).anchor()).isEqualTo(new Anchor(List.of(), null, "おわりに"));
        assertThat(points.flags()).isEmpty();
    }

    @Test
    void everySecretariatTurnOfMeetingTenAnswersByName() {
        Points points = Stages.points("meeting-10");
        assertThat(points.answers()).hasSize(6).allMatch(a -> a instanceof AnswerTurn.Addressed);
        AnswerTurn.Addressed first = (AnswerTurn.Addressed) points.answers().get(0);
        assertThat(first.by().written()).isEqualTo("佐藤企画官");
        assertThat(first.raisedBefore()).extracting(Comment::ref)
                .containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
    }

    @Test
    void reportedWrittenCommentsAreTheAbsentMembersPointsAndTheReportedAnswerAnswersThem() {
        Points points = Stages.points("heldout/cao-bosai-bukai");
        List<Comment> hayashi = points.comments().stream().filter(c -> "林".equals(c.author())).toList();
        assertThat(hayashi).extracting(Comment::anchor).containsExactly(new Anchor(List.of(), "7", null),
                new Anchor(List.of(35), null, null));
        assertThat(points.roster().all()).last().isEqualTo(new Participant("林", "委員", Role.MEMBER));
        assertThat(points.flags()).extracting(TurnFlag::flag).extracting(Uncertain::reason).containsExactly(
                "written comments of '林委員', who is not in the attendee list (absent); added as MEMBER");
        AnswerTurn.Reported reported = points.answers().stream().filter(a -> a instanceof AnswerTurn.Reported)
                .map(a -> (AnswerTurn.Reported) a).findFirst().orElseThrow();
        assertThat(reported.made()).isEqualTo(hayashi);
        assertThat(reported.author().name()).isEqualTo("林");
    }

    @Test
    void aSecretariatTurnNamingNoOneIsHandedOnWithTheTurnBefore() {
        Points points = Stages.points("wg-ambiguous");
        AnswerTurn.ToTurnBefore yamada = points.answers().stream().filter(a -> a instanceof AnswerTurn.ToTurnBefore)
                .map(a -> (AnswerTurn.ToTurnBefore) a).findFirst().orElseThrow();
        assertThat(yamada.by().written()).isEqualTo("山田課長");
        assertThat(yamada.previousSpeaker().name()).isEqualTo("須藤"); // the chair's thanks raised nothing
        assertThat(yamada.raised()).isEmpty();
        assertThat(yamada.raisingTurns()).isZero(); // a turn that raised no point is no raiser

    }

    @Test
    void aPointOfASpeakerWhoIsNoSingleAttendeeHasNoAuthorAndIsFlagged() {
        Points points = Stages.points("wg-ambiguous");
        assertThat(points.comments().get(0).author()).isNull();
        assertThat(points.flags()).extracting(TurnFlag::flag).contains(
                new Uncertain(List.of(17, 17), "author of c1 unclear (speaker '田中構成員')", "author-unclear",
                        List.of("c1", "田中構成員")));
    }
}

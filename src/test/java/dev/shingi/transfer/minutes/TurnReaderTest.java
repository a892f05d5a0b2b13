package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.TurnReader.Turns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TurnReaderTest {

    @Test
    void meetingTenIsTheSecretariatsNarrativeThenSeventeenTurnsEachWithItsAttendee() {
        List<Uncertain> flags = new ArrayList<>();
        Turns turns = Stages.turns("meeting-10", flags);
        assertThat(turns.turns()).extracting(Turn::written).containsExactly(Turn.NARRATIVE, "蔦構成員", "上原構成員", "佐藤企画官",
                "小山構成員", "吉岡構成員", "佐藤企画官", "後藤主査", "佐藤企画官", "盛合構成員", "新井構成員", "佐藤企画官",
                "後藤主査", "佐藤企画官", "栗原構成員", "篠田構成員", "後藤主査", "佐藤企画官");
        Turn tsuta = turns.turns().get(1);
        assertThat(tsuta.speaker()).isEqualTo(new Participant("蔦", "構成員", Role.MEMBER));
        assertThat(tsuta.opener().number()).isEqualTo(34);
        assertThat(turns.turns().get(3).speaker())
                .isEqualTo(new Participant("佐藤", "サイバーセキュリティ統括官室企画官", Role.SECRETARIAT));
        assertThat(flags).isEmpty();
    }

    @Test
    void eachIndentedParagraphOfATurnIsKeptAndAPageNumberBetweenThemIsNot() {
        Turn tsuta = Stages.turns("meeting-10", new ArrayList<>()).turns().get(1);
        String[] paragraphs = tsuta.said().text().split("\n");
        assertThat(paragraphs).hasSize(4);
        assertThat(paragraphs[2]).isEqualTo("44ページ脚注40について、AIセキュリティポータルのURLが民間企業のドメインになっている。"
                + "総務省の委託事業であることが分かるようにすべき。");
        assertThat(tsuta.said().lines(0, tsuta.said().text().length())).containsExactly(35, 45);
    }

    @Test
    void aLoneコメントLabelUnderTheSpeakerIsNotWhatWasSaid() {
        Turns turns = Stages.turns("meeting-10", new ArrayList<>());
        Turn goto_ = turns.turns().get(Stages.turnOf(turns, "後藤主査", 0));
        assertThat(goto_.opener().number()).isEqualTo(82);
        assertThat(goto_.said().text()).startsWith("26ページについて、セキュア・バイ・デフォルトを");
    }

    @Test
    void speakersTheListLacksOrCannotTellApartAreFlagged() {
        List<Uncertain> flags = new ArrayList<>();
        Turns turns = Stages.turns("wg-ambiguous", flags);
        assertThat(turns.turns().get(0).written()).isEqualTo("田中構成員");
        assertThat(turns.turns().get(0).speaker()).isNull();
        Turn sasaki = turns.turns().get(Stages.turnOf(turns, "佐々木構成員", 0));
        assertThat(sasaki.speaker()).isEqualTo(new Participant("佐々木", "構成員", Role.MEMBER));
        assertThat(turns.roster().all()).contains(new Participant("佐々木", "構成員", Role.MEMBER));
        assertThat(flags).containsExactly(
                new Uncertain(List.of(16, 16), "speaker '田中構成員' matches 2 attendees; author left empty",
                        "speaker-ambiguous", List.of("田中構成員", "2")),
                new Uncertain(List.of(42, 42), "speaker '佐々木構成員' is not in the attendee list; added as MEMBER from the turn's opening line",
                        "speaker-added", List.of("佐々木構成員", "MEMBER")));
    }

    @Test
    void anAbbreviatedOfficialsTitleStillFindsTheOfficial() {
        Turns turns = Stages.turns("wg-ambiguous", new ArrayList<>());
        assertThat(turns.turns().get(Stages.turnOf(turns, "山田課長", 0)).speaker())
                .isEqualTo(new Participant("山田", "情報通信政策課長", Role.SECRETARIAT));
    }

    @Test
    void narrativeReportingWrittenCommentsBecomesANarrativeTurn() {
        Turns turns = Stages.turns("heldout/cao-bosai-bukai", new ArrayList<>());
        List<Turn> narratives = turns.turns().stream().filter(Turn::narrative).toList();
        assertThat(narratives).extracting(t -> t.opener().number()).containsExactly(21, 56); // the 事務局's explanation, the report
        Turn narrative = narratives.get(1);
        assertThat(narrative.speaker()).isNull();
        assertThat(narrative.said().text()).contains("欠席の林委員から提出された事前意見").contains("旨の回答があった。");
    }
}

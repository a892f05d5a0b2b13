package dev.shingi.transfer.minutes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerLineTest {
    private final Roster meetingTen = Stages.attendees("meeting-10");
    private final Roster bosai = Stages.attendees("heldout/cao-bosai-bukai");

    /** The line as the stages see it: cleaned by SourceText. */
    private static String clean(String raw) {
        return SourceText.lines(raw).get(0).text();
    }

    @Test
    void aNameAndTitleClosedByAParenthesis() {
        assertThat(SpeakerLine.of(clean("蔦構成員）"), meetingTen)).isEqualTo(new SpeakerLine("蔦構成員", ""));
        assertThat(SpeakerLine.of(clean("佐藤企画官）"), meetingTen)).isEqualTo(new SpeakerLine("佐藤企画官", ""));
    }

    /** PDF text spaces a name out (「蔦　 構成員」「吉 岡 構成員」): the name stays whole, one attendee. */
    @Test
    void aNameSpacedOutCharacterByCharacterStaysWhole() {
        assertThat(SpeakerLine.of(clean("蔦　 構成員）"), meetingTen)).isEqualTo(new SpeakerLine("蔦構成員", ""));
        assertThat(SpeakerLine.of(clean("吉 岡 構成員）"), meetingTen)).isEqualTo(new SpeakerLine("吉岡構成員", ""));
        assertThat(meetingTen.resolve("吉岡構成員")).extracting(MinutesProposal.Participant::name).containsExactly("吉岡");
    }

    @Test
    void aWrittenSubmissionInBrackets() {
        assertThat(SpeakerLine.of(clean("【山本臨時委員（書面）】"), Stages.attendees("shingikai-written")))
                .isEqualTo(new SpeakerLine("山本臨時委員", ""));
    }

    @Test
    void aBulletThenAnAttendeeOrTheSecretariatAndTheirWordsOnTheSameLine() {
        assertThat(SpeakerLine.of(clean("○藤井委員　桑原委員と同じ意見である。"), bosai))
                .isEqualTo(new SpeakerLine("藤井委員", "桑原委員と同じ意見である。"));
        assertThat(SpeakerLine.of(clean("○事務局（中島企画官）　桑原委員への回答。利用規約の統一については、関係省庁の所掌が"), bosai))
                .isEqualTo(new SpeakerLine("事務局（中島企画官）", "桑原委員への回答。利用規約の統一については、関係省庁の所掌が"));
    }

    @Test
    void agendaItemsAndReportedProceedingsOpenNoTurn() {
        assertThat(SpeakerLine.of(clean("（１）防災デジタル化推進計画（素案）について"), bosai)).isNull();
        assertThat(SpeakerLine.of(clean("◆山内サイバーセキュリティ統括官より挨拶"), meetingTen)).isNull();
        assertThat(SpeakerLine.of(clean("・脚注 7 の統計の出典年が誤っている。"), bosai)).isNull();
    }

    @Test
    void aSpeakerBeforeAColonAnAnonymousBlockInBracketsAndAnOfficialByTitleAlone() {
        Roster roster = new Roster(AttendeeReader.read(SourceText.lines(
                "委員：山田会長、佐藤副会長\n事務局：行革推進課長 塩畑浩行"), new java.util.ArrayList<>()));
        assertThat(SpeakerLine.of(clean("佐藤副会長：資料1の5ページについて。"), roster))
                .isEqualTo(new SpeakerLine("佐藤副会長", "資料1の5ページについて。"));
        assertThat(SpeakerLine.of(clean("委員:P.12について"), roster)).isEqualTo(new SpeakerLine("委員", "P.12について"));
        assertThat(SpeakerLine.of(clean("担当：修正します。"), roster)).isEqualTo(new SpeakerLine("担当", "修正します。"));
        assertThat(SpeakerLine.of(clean("事務局：検討します。"), roster)).isEqualTo(new SpeakerLine("事務局", "検討します。"));
        assertThat(SpeakerLine.of(clean("【委員】"), roster)).isEqualTo(new SpeakerLine("委員", ""));
        assertThat(SpeakerLine.of(clean("行革推進課長)1点目の根拠は"), roster)).isEqualTo(new SpeakerLine("行革推進課長", "1点目の根拠は"));
        assertThat(SpeakerLine.of(clean("日時：令和5年"), roster)).isNull();
        assertThat(SpeakerLine.of(clean("主な意見：以下のとおり"), roster)).isNull();
    }
}

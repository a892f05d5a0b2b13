package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Meeting;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingReaderTest {

    @Test
    void anEraDateWithHoursAndMinutes() {
        List<Uncertain> flags = new ArrayList<>();
        Meeting m = MeetingReader.read(Stages.items("meeting-10"), flags);
        assertThat(m).isEqualTo(new Meeting("ICTサイバーセキュリティ政策分科会（第10回）", 10, LocalDate.of(2024, 6, 24),
                LocalTime.of(14, 0), LocalTime.of(16, 0), "WEB開催"));
        assertThat(flags).isEmpty();
    }

    @Test
    void aWesternDateAndATitleOverTwoLinesEndingIn議事要旨() {
        Meeting m = MeetingReader.read(Stages.items("shingikai-written"), new ArrayList<>());
        assertThat(m.title()).isEqualTo("情報通信審議会情報通信技術分科会電波利用環境委員会（第5回）");
        assertThat(m.number()).isEqualTo(5);
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(m.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(m.end()).isEqualTo(LocalTime.of(12, 0));
    }

    @Test
    void aDateThatCannotBeReadIsFlaggedAtThe日時Lines() {
        String text = MinutesCorpusTest.resource("meeting-10.txt").replace("令和６年６月 24 日（月）14 時 00 分～16 時 00 分", "調整中");
        List<Uncertain> flags = new ArrayList<>();
        Meeting m = MeetingReader.read(Items.of(SourceText.lines(text)), flags);
        assertThat(m.date()).isNull();
        assertThat(flags).containsExactly(new Uncertain(List.of(5, 5),
                "the date or the starting time of the meeting could not be read from 日時", "meeting-when", List.of()));
    }

    /**
     * A city council's evening meeting as its 会議録 writes it (the layout of 狛江市's records, genre/SOURCES.md), with
     * the Western year mistyped and no 午前/午後: the date is not chosen between the two years, and neither 6時30分
     * nor the 8時 after it is taken for morning or evening — each is left empty and flagged.
     */
    @Test
    void aDualYearThatDisagreesAndAnEveningTimeWithoutMarkAreFlaggedNotChosen() {
        String text = "人権尊重推進会議（第2回）会議録\n1 日時\n令和4年（2021年）5月7日 6時30分～8時\n2 場所\n市役所 会議室\n";
        List<Uncertain> flags = new ArrayList<>();
        Meeting m = MeetingReader.read(Items.of(SourceText.lines(text)), flags);
        assertThat(m.date()).isNull();
        assertThat(m.start()).isNull();
        assertThat(m.end()).isNull();
        assertThat(flags).extracting(Uncertain::code, Uncertain::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("meeting-time-ambiguous", List.of("6時30分")),
                org.assertj.core.groups.Tuple.tuple("meeting-time-ambiguous", List.of("8時")),
                org.assertj.core.groups.Tuple.tuple("meeting-date-conflict", List.of("令和4年（2021年）5月7日")),
                org.assertj.core.groups.Tuple.tuple("meeting-when", List.of()));
        // the same with its years agreeing and 午後 written: exact, and 8時 in the start's half of the day
        Meeting right = MeetingReader.read(Items.of(SourceText.lines(text.replace("（2021年）", "（2022年）")
                .replace(" 6時30分", " 午後6時30分"))), new ArrayList<>());
        assertThat(right.date()).isEqualTo(LocalDate.of(2022, 5, 7));
        assertThat(right.start()).isEqualTo(LocalTime.of(18, 30));
        assertThat(right.end()).isEqualTo(LocalTime.of(20, 0));
        // an end in 24-hour time says evening by itself: kept, the start still not guessed
        Meeting late = MeetingReader.read(Items.of(SourceText.lines(text.replace("～8時", "～20時"))), new ArrayList<>());
        assertThat(late.start()).isNull();
        assertThat(late.end()).isEqualTo(LocalTime.of(20, 0));
    }
}

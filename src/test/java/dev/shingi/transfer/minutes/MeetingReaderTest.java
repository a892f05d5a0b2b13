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
}

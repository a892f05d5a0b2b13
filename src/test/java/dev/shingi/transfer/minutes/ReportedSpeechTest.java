package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.SourceText.Line;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedSpeechTest {

    private static List<String> expanded(String text) {
        return ReportedSpeech.expand(SourceText.lines(text)).stream().map(l -> l.number() + " " + l.text()).toList();
    }

    @Test
    void aReportedPointAndTheAnswerToItBecomeSpeakerLinesWithoutTheirFrames() {
        assertThat(expanded("""
                中村部会長から、12ページの記載について、スケジュールを
                示してほしいとの意見があった。これに対し、事務局から、
                次回までに追記する旨の回答があった。
                """)).containsExactly("1 【中村部会長】", "1 12ページの記載について、スケジュールを", "2 示してほしい。",
                "2 【事務局】", "2 ", "3 次回までに追記する。");
    }

    @Test
    void anAnonymousReporterStaysAnonymousAndNarrativeAfterItEndsItsTurn() {
        assertThat(expanded("構成員から、第2章の構成を見直すべきとの意見があった。\n事務局より資料2について説明があった。"))
                .containsExactly("1 【構成員】", "1 第2章の構成を見直すべき。", "2 以上", "2 事務局より資料2について説明があった。");
    }

    @Test
    void writtenCommentsReadOutAndAnAnswerToNoReportedPointAreLeftAsTheyAre() {
        String text = "欠席の林委員から提出された事前意見について紹介があった。\nこれに対し、事務局から、いずれも反映させていただく旨の回答があった。";
        List<Line> lines = SourceText.lines(text);
        assertThat(ReportedSpeech.expand(lines)).isEqualTo(lines);
    }
}

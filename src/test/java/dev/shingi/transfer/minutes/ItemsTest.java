package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.SourceText.Line;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemsTest {

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    @Test
    void numberedItemsOfMeetingTenEachKeepTheirLines() {
        Items items = Stages.items("meeting-10");
        assertThat(texts(items.title())).containsExactly("ICTサイバーセキュリティ政策分科会（第10回）", "議事要旨");
        assertThat(texts(items.when())).containsExactly("令和6年6月24日（月）14時00分～16時00分");
        assertThat(texts(items.where())).containsExactly("WEB開催");
        assertThat(items.attendees()).extracting(Line::number).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        assertThat(texts(items.materials())).hasSize(2).first().asString().startsWith("資料10-1");
        assertThat(items.proceedings().get(0).number()).isEqualTo(28);
        assertThat(items.proceedings().get(0).text()).isEqualTo("(1)開会");
    }

    @Test
    void theAgendaItemIsNotTheProceedingsWhenASummaryFollows() {
        Items items = Stages.items("heldout/cao-bosai-bukai");
        // 「４ 議 事：」 lists the agenda; 「６ 議事概要：」 opens the proceedings
        assertThat(items.proceedings().get(0).number()).isEqualTo(20);
        assertThat(items.proceedings().get(0).text()).isEqualTo("（1）防災デジタル化推進計画（素案）について");
        assertThat(items.when().get(0).text()).isEqualTo("令和6年10月3日（木）10：00～12：00");
    }

    @Test
    void aDocumentCutBeforeTheSummaryHasNoProceedings() {
        String text = MinutesCorpusTest.resource("meeting-10.txt");
        Items items = Items.of(SourceText.lines(text.substring(0, text.indexOf("５．議事概要"))));
        assertThat(items.proceedings()).isNull();
        assertThat(items.materials()).hasSize(2);
    }

    @Test
    void unnumberedHeadingsAloneWithASpaceOrAMarkAndAttendeeBlocksUnderTheirOwnHeadings() {
        Items items = Items.of(SourceText.lines("""
                総合計画審議会部会 審議結果
                開催日時 令和5年10月16日(月曜日)14時00分から16時00分まで
                〇場所
                県庁8階会議室
                出席者
                江口隆裕、大久保一郎
                〇理事者側出席者
                原田健康福祉部長
                傍聴者 2名
                審議経過
                江口部会長:それでは始めます。
                """));
        assertThat(SourceText.text(items.when())).isEqualTo("令和5年10月16日(月曜日)14時00分から16時00分まで");
        assertThat(SourceText.text(items.where())).isEqualTo("県庁8階会議室");
        assertThat(items.attendees()).extracting(SourceText.Line::text)
                .containsExactly("江口隆裕、大久保一郎", "【理事者側出席者】", "原田健康福祉部長");
        assertThat(items.proceedings()).extracting(SourceText.Line::text).containsExactly("江口部会長:それでは始めます。");
    }

    @Test
    void withoutAProceedingsItemTheProceedingsStartAtTheFirstTurn() {
        List<SourceText.Line> lines = SourceText.lines("""
                総務委員会
                出席委員 山本進委員長,高野要委員
                山本委員長)ただ今から,総務委員会を開会いたします。
                高野委員)5ページについて伺います。
                """);
        Items items = Items.withProceedingsAtFirstTurn(lines, l -> l.text().contains(")"));
        assertThat(items.attendees()).extracting(SourceText.Line::text).containsExactly("【出席委員】山本進委員長,高野要委員");
        assertThat(items.proceedings()).hasSize(2);
    }

    /**
     * The 会議録 form of a town's advisory body (宮代町's layout, SOURCES.md of genre/): every heading alone on its line,
     * 出席委員の氏名 / 出席職員の職・氏名 are attendee blocks, and the form's other items end them.
     */
    @Test
    void attendeeHeadingsThatSayWhatIsListedAreAttendeeBlocks() {
        Items items = Items.of(SourceText.lines("""
                附属機関等の名称

                環境基本計画推進会議

                開催日時

                令和5年11月14日(火) 18時30分~20時15分

                出席委員の氏名

                石川和也、大野美紀、北村健

                出席職員の職・氏名

                課長 中島浩二、主任 森田紗希

                会議の公開・非公開

                公開

                傍聴者人数

                1人

                会議資料

                資料1 第3次みずほ町環境基本計画(素案)

                会議録の作成方法(全文記録・要点記録・録音テープ)

                要点記録
                """));
        assertThat(texts(items.attendees())).containsExactly("【出席委員】", "石川和也、大野美紀、北村健", "【出席職員】",
                "課長中島浩二、主任森田紗希");
        assertThat(texts(items.when())).containsExactly("令和5年11月14日(火)18時30分~20時15分");
        assertThat(texts(items.materials())).containsExactly("資料1第3次みずほ町環境基本計画(素案)");
        assertThat(Items.attendeeHeading("出席者の氏名")).isEqualTo("出席者");
        assertThat(Items.attendeeHeading("出席委員氏名")).isEqualTo("出席委員");
        assertThat(Items.attendeeHeading("出席職員の職・氏名")).isEqualTo("出席職員");
    }

    @Test
    void theGeneralAttendeeHeadingWithItsNamesIsTheAttendeeItem() {
        Items items = Items.of(SourceText.lines("""
                開催日時
                令和6年5月20日(月) 14時00分~15時30分
                出席者の氏名
                山田太郎委員長、佐藤花子委員
                会議資料
                資料1 計画(案)
                """));
        assertThat(texts(items.attendees())).containsExactly("山田太郎委員長、佐藤花子委員");
        assertThat(texts(items.materials())).containsExactly("資料1計画(案)");
    }
}

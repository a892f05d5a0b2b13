package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Material;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaterialReaderTest {

    @Test
    void numbersAreNormalisedAndTitlesLoseTheirQuotes() {
        List<Uncertain> flags = new ArrayList<>();
        assertThat(MaterialReader.read(Stages.items("meeting-10").materials(), flags)).containsExactly(
                new Material("資料10-1", "ICTサイバーセキュリティ政策の中期重点方針（案）"),
                new Material("資料10-2", "ICTサイバーセキュリティ政策の中期重点方針（案）概要"));
        assertThat(flags).isEmpty();
    }

    @Test
    void aTitleRunsOnToTheNextLineAnd参考資料IsAMaterialToo() {
        assertThat(MaterialReader.read(Stages.items("shingikai-written").materials(), new ArrayList<>())).containsExactly(
                new Material("資料5-1", "電波利用環境の保護に関する報告書（案）"),
                new Material("資料5-2", "報告書（案）に対する意見募集の結果"),
                new Material("参考資料5-1", "前回議事要旨"));
    }

    @Test
    void aLineBeforeAnyMaterialIsFlagged() {
        List<SourceText.Line> item = SourceText.lines("WEB 開催\n資料 10－１ 『ICT サイバーセキュリティ政策の中期重点方針』（案）");
        List<Uncertain> flags = new ArrayList<>();
        assertThat(MaterialReader.read(item, flags)).extracting(Material::number).containsExactly("資料10-1");
        assertThat(flags).containsExactly(new Uncertain(List.of(1, 1), "line in 配布資料 is no material (資料N-M …)",
                "material-unreadable", List.of()));
    }
}

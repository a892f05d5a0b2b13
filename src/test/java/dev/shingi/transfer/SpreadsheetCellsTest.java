package dev.shingi.transfer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {
    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        assertThat(SpreadsheetCells.neutral("=HYPERLINK(\"http://x\",\"click\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"click\")");
        assertThat(SpreadsheetCells.neutral("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCells.neutral("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.neutral("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutral("＝１＋１")).isEqualTo("'＝１＋１");
        assertThat(SpreadsheetCells.neutral("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetCells.neutral("脚注40のURL")).isEqualTo("脚注40のURL");
        assertThat(SpreadsheetCells.neutral("")).isEmpty();
        assertThat(SpreadsheetCells.neutral(null)).isNull();
        assertThat(SpreadsheetCells.neutral("'=already quoted")).isEqualTo("''=already quoted");
        assertThat(SpreadsheetCells.restored("'=1")).isEqualTo("=1");
        assertThat(SpreadsheetCells.restored("'quoted")).isEqualTo("'quoted");
    }

    @Property
    void whatIsWrittenComesBackAsItWas(@ForAll String text) {
        assertThat(SpreadsheetCells.restored(SpreadsheetCells.neutral(text))).isEqualTo(text);
    }
}

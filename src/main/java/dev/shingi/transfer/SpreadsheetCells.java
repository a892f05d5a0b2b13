package dev.shingi.transfer;

/**
 * A cell of a CSV Shingi writes, made safe to open in a spreadsheet (OWASP "CSV injection"): text that begins with a
 * character a spreadsheet reads as the start of a formula ({@code = + - @}, their full-width forms that Japanese input
 * produces, or a tab or carriage return) gets a leading apostrophe, so that it shows as text instead of running.
 * {@link #restored} undoes exactly that on the way back in, so an exported table imports with its text unchanged.
 */
public final class SpreadsheetCells {
    private static final String FORMULA_START = "=+-@＝＋－＠\t\r";

    private SpreadsheetCells() {
    }

    /** Text that begins with a formula character, after any apostrophes, gets one more apostrophe in front. */
    public static String neutral(String cell) {
        return cell != null && formulaAfter(cell, 0) ? "'" + cell : cell;
    }

    /** The text {@link #neutral} was given: one leading apostrophe before (apostrophes and) a formula character goes. */
    public static String restored(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == '\'' && formulaAfter(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean formulaAfter(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && FORMULA_START.indexOf(cell.charAt(i)) >= 0;
    }
}

package dev.shingi.transfer.iso;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a comment table: the ISO/IEC commenting template's, as the template names them, a "comment
 * resolution log"'s (Item #, Date, Commenter, Description, Date acknowledged, Resolution, Disposition, as OASIS TCs
 * keep them), and the Japanese names also accepted. Only the commenter and the comment are required.
 */
enum Column {
    ITEM("Item #", false, "item", "item no", "item no.", "no.", "no", "#", "comment id", "id", "番号", "項番", "意見番号"),
    DATE("Date", false, "date received", "submitted", "日付", "提出日", "受付日"),
    MB_NC("MB/NC", true, "mb", "commenter", "submitted by", "提出者", "意見提出者", "国名/機関"),
    /** When MB and NC are separate columns (IEC's templates): the NC speaks for the comment when MB is blank. */
    NC("NC", false),
    LINE("Line number", false, "line", "行番号"),
    CLAUSE("Clause/Subclause", false, "clause", "section", "箇条/細分箇条", "箇条", "箇条番号"),
    ELEMENT("Paragraph/Figure/Table", false, "paragraph/figure/table/note", "段落/図/表"),
    TYPE("Type of comment", false, "type", "コメントの種類", "種類", "種別"),
    COMMENTS("Comments", true, "comment", "description", "コメント", "意見", "ご意見", "意見内容"),
    PROPOSED("Proposed change", false, "修正案", "修正提案"),
    OBSERVATIONS("Observations of the secretariat", false, "resolution", "observations", "事務局の見解", "事務局見解",
            "回答", "考え方", "回答(考え方)", "対応"),
    DISPOSITION("Disposition", false, "status", "対応区分", "処理"),
    ACKNOWLEDGED("Date acknowledged", false, "date resolved", "回答日", "対応日"),
    /** The row's links, one a line, as the CSV/XLSX export writes a source's: read as links, never as an extra column. */
    LINKS("Links", false, "link", "references", "リンク");

    final String title;
    /** Only who commented and what they said are needed; every other column may be missing (issue #22). */
    final boolean required;
    private final List<String> names;

    Column(String title, boolean required, String... others) {
        this.title = title;
        this.required = required;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(title), java.util.stream.Stream.of(others))
                .map(Column::normalise).toList();
    }

    boolean matches(String heading) {
        return heading != null && names.contains(normalise(heading));
    }

    /** The column a heading names, or null for a column Shingi has no field for (kept in the comment's source). */
    static Column of(String heading) {
        for (Column c : values()) {
            if (c.matches(heading)) {
                return c;
            }
        }
        return null;
    }

    /** The columns of the ISO/IEC template, in its order: what its export writes. */
    static final List<Column> TEMPLATE = List.of(MB_NC, LINE, CLAUSE, ELEMENT, TYPE, COMMENTS, PROPOSED, OBSERVATIONS);

    /**
     * The columns a CSV/XLSX export adds after the template's when a comment came from a table: its item, its date,
     * its answer's date and its links, so that the file re-imports with the same sources and dates.
     */
    static final List<Column> PROVENANCE = List.of(ITEM, DATE, ACKNOWLEDGED, LINKS);

    /**
     * Headings as people type them: any case and spacing, full-width forms, and the template's footnote marks
     * ("MB/NC¹", "Type of comment²", "Paragraph/Figure/Table/³") are all the same heading.
     */
    static String normalise(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        s = s.replaceAll("[\\s\\d*)）]+$", "").replaceAll("/+$", "");
        if (s.isEmpty() && !heading.isBlank()) {
            s = heading.trim();
        }
        return s.replaceAll("\\s*/\\s*", "/").replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s+", " ");
    }
}

package dev.shingi.transfer.iso;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The columns of the ISO/IEC commenting template, as the template names them, and the Japanese names also accepted. */
enum Column {
    MB_NC("MB/NC", true, "提出者", "意見提出者", "国名/機関"),
    LINE("Line number", true, "行番号"),
    CLAUSE("Clause/Subclause", true, "箇条/細分箇条", "箇条", "箇条番号"),
    ELEMENT("Paragraph/Figure/Table", true, "段落/図/表"),
    TYPE("Type of comment", true, "コメントの種類", "種類"),
    COMMENTS("Comments", true, "コメント", "意見"),
    PROPOSED("Proposed change", true, "修正案", "修正提案"),
    OBSERVATIONS("Observations of the secretariat", false, "事務局の見解", "事務局見解");

    final String title;
    /** Observations are the secretariat's, filled in after the members' table comes in; a members' table may lack it. */
    final boolean required;
    private final List<String> names;

    Column(String title, boolean required, String... japanese) {
        this.title = title;
        this.required = required;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(title), java.util.stream.Stream.of(japanese))
                .map(Column::normalise).toList();
    }

    boolean matches(String heading) {
        return heading != null && names.contains(normalise(heading));
    }

    /**
     * Headings as people type them: any case and spacing, full-width forms, and the template's footnote marks
     * ("MB/NC¹", "Type of comment²", "Paragraph/Figure/Table/³") are all the same heading.
     */
    static String normalise(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        s = s.replaceAll("[\\s\\d*)）]+$", "").replaceAll("/+$", "");
        return s.replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
    }
}

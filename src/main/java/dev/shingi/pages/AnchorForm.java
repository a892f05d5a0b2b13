package dev.shingi.pages;

import dev.shingi.deliberation.api.Anchor;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Where in the draft, as the API's AnchorRequest names it: the forms bind it as {@code anchor.pageFrom} and so on.
 * Limits as at the API.
 */
public class AnchorForm {
    @Positive
    private Integer pageFrom;
    @Positive
    private Integer pageTo;
    @Size(max = 100)
    private String footnote;
    @Size(max = 500)
    private String section;
    @Size(max = 5_000)
    private String quote;
    @Positive
    private Integer lineFrom;
    @Positive
    private Integer lineTo;
    @Size(max = 500)
    private String element;

    /** The anchor as the ledger stores it (a range's end defaults to its start), or {@link Anchor#NONE}. */
    Anchor toAnchor() {
        Anchor anchor = new Anchor(pageFrom, pageTo != null ? pageTo : pageFrom, CommentForms.trim(footnote),
                CommentForms.trim(section), CommentForms.trim(quote), lineFrom, lineTo != null ? lineTo : lineFrom,
                CommentForms.trim(element));
        return anchor.isEmpty() ? Anchor.NONE : anchor;
    }

    /** Whether no part was given: for a correction, the anchor stays as it is. */
    boolean isBlank() {
        return new Anchor(pageFrom, pageTo, CommentForms.trim(footnote), CommentForms.trim(section),
                CommentForms.trim(quote), lineFrom, lineTo, CommentForms.trim(element)).isEmpty();
    }

    /**
     * {@code current} with the parts given here in place of its own; the rest stays. A one-page (one-line) range
     * whose start moves keeps being one page (line), so that correcting p.3 to p.4 does not read as pp.4–3.
     */
    Anchor over(Anchor current) {
        Anchor c = current == null ? Anchor.NONE : current;
        Integer from = pageFrom != null ? pageFrom : c.pageFrom();
        Integer to = pageTo != null ? pageTo
                : pageFrom != null && (c.pageTo() == null || c.pageTo().equals(c.pageFrom())) ? pageFrom : c.pageTo();
        Integer lFrom = lineFrom != null ? lineFrom : c.lineFrom();
        Integer lTo = lineTo != null ? lineTo
                : lineFrom != null && (c.lineTo() == null || c.lineTo().equals(c.lineFrom())) ? lineFrom : c.lineTo();
        return new Anchor(from, to, or(footnote, c.footnote()), or(section, c.section()), or(quote, c.quote()),
                lFrom, lTo, or(element, c.element()));
    }

    private static String or(String given, String current) {
        String g = CommentForms.trim(given);
        return g != null ? g : current;
    }

    public Integer getPageFrom() { return pageFrom; }
    public void setPageFrom(Integer pageFrom) { this.pageFrom = pageFrom; }
    public Integer getPageTo() { return pageTo; }
    public void setPageTo(Integer pageTo) { this.pageTo = pageTo; }
    public String getFootnote() { return footnote; }
    public void setFootnote(String footnote) { this.footnote = footnote; }
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    public String getQuote() { return quote; }
    public void setQuote(String quote) { this.quote = quote; }
    public Integer getLineFrom() { return lineFrom; }
    public void setLineFrom(Integer lineFrom) { this.lineFrom = lineFrom; }
    public Integer getLineTo() { return lineTo; }
    public void setLineTo(Integer lineTo) { this.lineTo = lineTo; }
    public String getElement() { return element; }
    public void setElement(String element) { this.element = element; }
}

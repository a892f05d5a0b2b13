package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where in a draft version a comment points (該当箇所). Every part is optional; a comment without any is a general remark.
 *
 * @param pageFrom first page, 1-based
 * @param pageTo   last page (same as pageFrom for one page)
 * @param footnote footnote label as printed, e.g. "40"
 * @param section  section heading, e.g. "おわりに"
 * @param quote    quoted text of the draft, when the commenter gave it
 * @param lineFrom first line, as numbered in the draft (standards drafts number their lines); null in events recorded
 *                 before the ISO/IEC commenting template could be imported (CommentRaised revision 1)
 * @param lineTo   last line (same as lineFrom for one line)
 * @param element  paragraph, figure or table, as the commenter named it, e.g. "Table 3"
 * @param prefix   the words just before {@code quote} in the version's text (W3C Web Annotation TextQuoteSelector),
 *                 to tell apart a passage that occurs twice; null in events before CommentRaised revision 3
 * @param suffix   the words just after {@code quote}
 */
public record Anchor(Integer pageFrom, Integer pageTo, String footnote, String section, String quote,
                     Integer lineFrom, Integer lineTo, String element, String prefix, String suffix) {

    public static final Anchor NONE = new Anchor(null, null, null, null, null);

    /** Stored events are read through this constructor; the shorter one is for code. */
    @JsonCreator
    public Anchor {
    }

    /** An anchor without the words around its quote: the form of every anchor before CommentRaised revision 3. */
    public Anchor(Integer pageFrom, Integer pageTo, String footnote, String section, String quote,
                  Integer lineFrom, Integer lineTo, String element) {
        this(pageFrom, pageTo, footnote, section, quote, lineFrom, lineTo, element, null, null);
    }

    /** An anchor without lines or element: the form of every anchor before those were added. */
    public Anchor(Integer pageFrom, Integer pageTo, String footnote, String section, String quote) {
        this(pageFrom, pageTo, footnote, section, quote, null, null, null);
    }

    public static Anchor page(int page) {
        return new Anchor(page, page, null, null, null);
    }

    public static Anchor pages(int from, int to) {
        return new Anchor(from, to, null, null, null);
    }

    public static Anchor footnote(int page, String footnote) {
        return new Anchor(page, page, footnote, null, null);
    }

    public static Anchor section(String section) {
        return new Anchor(null, null, null, section, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return pageFrom == null && pageTo == null && footnote == null && section == null && quote == null
                && lineFrom == null && lineTo == null && element == null && prefix == null && suffix == null;
    }

    /** The highest page this anchor touches, or null when it names no page. */
    public Integer lastPage() {
        return pageTo != null ? pageTo : pageFrom;
    }

    /** Human form, e.g. "p.44 fn.40", "pp.18–19", "§おわりに", "§5.2 Table 3 l.120–125". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (pageFrom != null) {
            s.append(pageTo != null && !pageTo.equals(pageFrom) ? "pp." + pageFrom + "–" + pageTo : "p." + pageFrom);
        }
        if (footnote != null) {
            s.append(s.isEmpty() ? "" : " ").append("fn.").append(footnote);
        }
        if (section != null) {
            s.append(s.isEmpty() ? "" : " ").append("§").append(section);
        }
        if (element != null) {
            s.append(s.isEmpty() ? "" : " ").append(element);
        }
        if (lineFrom != null) {
            s.append(s.isEmpty() ? "" : " ")
                    .append(lineTo != null && !lineTo.equals(lineFrom) ? "ll." + lineFrom + "–" + lineTo : "l." + lineFrom);
        }
        return s.isEmpty() ? "—" : s.toString();
    }
}

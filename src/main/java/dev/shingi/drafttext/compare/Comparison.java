package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Keeping;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.TextChange;
import dev.shingi.drafttext.compare.Alignment.Span;
import dev.shingi.drafttext.compare.Sentences.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two versions' texts compared, sentence by sentence: the way in to everything this package does.
 * <pre>{@code
 * Comparison c = Comparison.between(textOfV1, textOfV2);
 * List<TextChange> diff = c.changes();                         // GET …/versions/2/diff?from=1
 * List<Reanchoring> where = c.reanchor(anchorsOfCommentsOnV1);  // GET …/versions/2/anchoring (per earlier version)
 * Provenance why = c.provenance(keepingsOfV2, anchorsOfCommentsOnV1); // GET …/versions/2/provenance
 * }</pre>
 * A comparison is immutable and may be shared between threads; building it costs one sentence diff of the two texts,
 * and each call after that reads it.
 */
public final class Comparison {
    final JoinedText older;
    final JoinedText newer;
    final Alignment alignment;
    private final List<TextChange> changes;

    private Comparison(JoinedText older, JoinedText newer) {
        this.older = older;
        this.newer = newer;
        this.alignment = Alignment.of(Sentences.of(older), Sentences.of(newer));
        List<TextChange> found = new ArrayList<>(alignment.spans.size());
        for (Span span : alignment.spans) {
            found.add(change(span));
        }
        this.changes = List.copyOf(found);
    }

    /** Compares {@code older} (the version a diff is {@code from}) with {@code newer}. */
    public static Comparison between(DocumentText older, DocumentText newer) {
        return new Comparison(JoinedText.of(Objects.requireNonNull(older, "older")),
                JoinedText.of(Objects.requireNonNull(newer, "newer")));
    }

    /** Every change, in the order of the text, each one run of changed sentences (see {@link TextChange}). */
    public List<TextChange> changes() {
        return changes;
    }

    /**
     * Where each comment raised on the older version points in the newer one, in the order given. A comment with
     * neither a quote nor a page points nowhere in the text and is left out.
     */
    public List<Reanchoring> reanchor(List<CommentAnchor> anchorsOnOlder) {
        Reanchorer reanchorer = new Reanchorer(this);
        List<Reanchoring> out = new ArrayList<>(anchorsOnOlder.size());
        for (CommentAnchor anchor : anchorsOnOlder) {
            Reanchorer.Placed placed = reanchorer.place(anchor);
            if (placed != null) {
                out.add(placed.result());
            }
        }
        return out;
    }

    /**
     * Each change with what produced it: the commitments the newer version keeps at a page the change's new text is
     * on ({@code keepings}, the revision's fulfilments), and the comments on the older version whose passage the change
     * edited or removed ({@code anchorsOnOlder}).
     */
    public Provenance provenance(List<Keeping> keepings, List<CommentAnchor> anchorsOnOlder) {
        return ProvenanceLinker.link(this, keepings, anchorsOnOlder);
    }

    String oldText(int fromUnit, int toUnit) {
        return joined(older, alignment.older, fromUnit, toUnit);
    }

    String newText(int fromUnit, int toUnit) {
        return joined(newer, alignment.newer, fromUnit, toUnit);
    }

    /** Units [from, to) as they read, a line break between two where the page breaks the line there too. */
    private static String joined(JoinedText text, List<Unit> units, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int u = from; u < to; u++) {
            Unit unit = units.get(u);
            if (u > from) {
                out.append(text.startsLine(unit.start()) ? "\n" : text.text().substring(units.get(u - 1).end(), unit.start()));
            }
            out.append(unit.text());
        }
        return out.toString();
    }

    private TextChange change(Span span) {
        int[] from = place(older, alignment.older, span.srcFrom(), span.srcTo());
        int[] to = place(newer, alignment.newer, span.tgtFrom(), span.tgtTo());
        return new TextChange(from[0], from[1], from[2], to[0], to[1], to[2],
                oldText(span.srcFrom(), span.srcTo()), newText(span.tgtFrom(), span.tgtTo()));
    }

    /** Page and line where units [from, to) start, and the page where they end; for no units, the point between. */
    private static int[] place(JoinedText text, List<Unit> units, int from, int to) {
        int start;
        int last;
        if (from < to) {
            start = units.get(from).start();
            last = units.get(to - 1).end() - 1;
        } else {
            start = from < units.size() ? units.get(from).start() : text.length() - 1;
            last = start;
        }
        return new int[] {text.pageAt(start), text.lineAt(start), text.pageAt(last)};
    }
}

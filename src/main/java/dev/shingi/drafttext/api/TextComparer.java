package dev.shingi.drafttext.api;

import java.util.List;

/**
 * Two versions' texts compared, for callers outside drafttext (the REST controllers, the pages, the reports): what
 * changed, where each comment's passage went, and what produced each change. Each call compares {@code older} (the
 * version a diff is {@code from}) with {@code newer} afresh.
 */
public interface TextComparer {

    /** Every change, in the order of the text, one run of changed sentences each. */
    List<TextChange> changes(DocumentText older, DocumentText newer);

    /** Where each comment raised on {@code older} points in {@code newer}; anchors with neither quote nor page are left out. */
    List<Reanchoring> reanchor(DocumentText older, DocumentText newer, List<CommentAnchor> anchorsOnOlder);

    /** Each change with the commitments {@code newer} keeps at its page and the comments whose passage it edited. */
    Provenance provenance(DocumentText older, DocumentText newer, List<Keeping> keepings,
                          List<CommentAnchor> anchorsOnOlder);
}

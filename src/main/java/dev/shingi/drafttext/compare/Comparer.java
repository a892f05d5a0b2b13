package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Keeping;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.TextChange;
import dev.shingi.drafttext.api.TextComparer;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@link TextComparer} as a bean: each call one {@link Comparison}. */
@Component
class Comparer implements TextComparer {

    @Override
    public List<TextChange> changes(DocumentText older, DocumentText newer) {
        return Comparison.between(older, newer).changes();
    }

    @Override
    public List<Reanchoring> reanchor(DocumentText older, DocumentText newer, List<CommentAnchor> anchorsOnOlder) {
        return Comparison.between(older, newer).reanchor(anchorsOnOlder);
    }

    @Override
    public Provenance provenance(DocumentText older, DocumentText newer, List<Keeping> keepings,
                                List<CommentAnchor> anchorsOnOlder) {
        return Comparison.between(older, newer).provenance(keepings, anchorsOnOlder);
    }
}

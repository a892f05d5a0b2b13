package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.Cause;
import dev.shingi.drafttext.api.ChangeProvenance;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.Keeping;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.TextChange;

import java.util.ArrayList;
import java.util.List;

/**
 * Ties each change to what produced it. A commitment the newer version keeps "at p. 12" produced every change whose
 * new text is on p. 12 (the secretariat names the page, not the sentence, so all of that page's changes are its
 * candidates); a comment on the older version produced the change that edited or removed its passage. A keeping with
 * no page, or at a page where nothing changed, is reported as unplaced rather than guessed at.
 */
final class ProvenanceLinker {
    private ProvenanceLinker() {
    }

    static Provenance link(Comparison comparison, List<Keeping> keepings, List<CommentAnchor> anchorsOnOlder) {
        List<TextChange> changes = comparison.changes();
        List<List<Cause>> causes = new ArrayList<>(changes.size());
        changes.forEach(c -> causes.add(new ArrayList<>()));
        List<Keeping> unplaced = new ArrayList<>();
        for (Keeping keeping : keepings) {
            boolean placed = false;
            for (int i = 0; keeping.page() != null && i < changes.size(); i++) {
                if (changes.get(i).touchesNewPage(keeping.page())) {
                    causes.get(i).add(new Cause(Cause.Kind.FULFILMENT, keeping.commentId(), keeping.commentReference(),
                            keeping.commitmentId(), keeping.commitmentReference()));
                    placed = true;
                }
            }
            if (!placed) {
                unplaced.add(keeping);
            }
        }
        Reanchorer reanchorer = new Reanchorer(comparison);
        for (CommentAnchor anchor : anchorsOnOlder) {
            Reanchorer.Placed placed = reanchorer.place(anchor);
            if (placed == null || placed.firstSpan() < 0) {
                continue;
            }
            AnchorStatus status = placed.result().status();
            if (status == AnchorStatus.CHANGED || status == AnchorStatus.ORPHANED) {
                for (int i = placed.firstSpan(); i <= placed.lastSpan(); i++) {
                    causes.get(i).add(new Cause(Cause.Kind.COMMENT, anchor.commentId(), anchor.reference(), null, null));
                }
            }
        }
        List<ChangeProvenance> out = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            out.add(new ChangeProvenance(changes.get(i), causes.get(i)));
        }
        return new Provenance(out, unplaced);
    }
}

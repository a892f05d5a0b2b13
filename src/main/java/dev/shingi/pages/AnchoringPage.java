package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.VersionDocuments;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.edge.VersionComparisons;
import dev.shingi.edge.VersionComparisons.CommentAnchoring;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The re-anchoring report of a version ({@code /deliberations/{id}/versions/{n}/anchoring}): for every comment raised
 * on an earlier version, what became of its passage in this one, with the counts per status on top; the same answer
 * as {@code GET /api/…/versions/{n}/anchoring}, as of the page's moment.
 */
@Controller
class AnchoringPage {
    private final Views views;
    private final Deliberations deliberations;
    private final Access access;
    private final VersionComparisons comparisons;
    private final VersionDocuments documents;

    AnchoringPage(Views views, Deliberations deliberations, Access access, VersionComparisons comparisons,
                  VersionDocuments documents) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
        this.comparisons = comparisons;
        this.documents = documents;
    }

    @GetMapping("/deliberations/{id}/versions/{version}/anchoring")
    String anchoring(@PathVariable String id, @PathVariable int version, @ModelAttribute(binding = false) Moment moment,
                     Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        // 404 (version) when the version is not on record at this moment
        VersionSummary shown = comparisons.version(id, version, moment.asOf());
        boolean withDocument = documents.documentOf(id, version).isPresent();
        List<CommentAnchoring> rows = withDocument ? comparisons.anchoring(id, version, moment.asOf()) : List.of();
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        model.addAttribute("version", shown);
        model.addAttribute("withDocument", withDocument);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts(rows));
        return "anchoring";
    }

    /** How many comments' passages are in each status, every status listed (zero included), in the enum's order. */
    static Map<AnchorStatus, Integer> counts(List<CommentAnchoring> rows) {
        Map<AnchorStatus, Integer> counts = new EnumMap<>(AnchorStatus.class);
        for (AnchorStatus s : AnchorStatus.values()) {
            counts.put(s, 0);
        }
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }
}

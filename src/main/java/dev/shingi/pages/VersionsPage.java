package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CommentThread;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.FindThread;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionDocuments;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.edge.VersionComparisons;
import dev.shingi.edge.VersionComparisons.CommentAnchoring;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draft evolution: the versions on a timeline, each with what changed, the commitments it kept and the comments it
 * addressed, and — for a revision published with its document — each change of its text with the comments and
 * commitments that produced it (the provenance); and, for a version, the disposition-of-comments table
 * (「ご意見と考え方」) a secretariat publishes, with where each comment's passage is in the later versions.
 */
@Controller
class VersionsPage {
    /** Rows per printed table page; the table asks for one thread per row. */
    static final int TABLE_SIZE = 200;

    private final Views views;
    private final Deliberations deliberations;
    private final Access access;
    private final VersionComparisons comparisons;
    private final VersionDocuments documents;

    VersionsPage(Views views, Deliberations deliberations, Access access, VersionComparisons comparisons,
                 VersionDocuments documents) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
        this.comparisons = comparisons;
        this.documents = documents;
    }

    @GetMapping("/deliberations/{id}/versions")
    String versions(@PathVariable String id, @ModelAttribute(binding = false) Moment moment, Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        List<VersionSummary> versions = moment.isNow() ? presentVersions : deliberations.versions(id, moment);
        Set<Integer> withDocument = withDocument(id, versions);
        model.addAttribute("versions", versions);
        model.addAttribute("withDocument", withDocument);
        model.addAttribute("provenances", provenances(id, versions, withDocument, moment));
        model.addAttribute("mayRevise", access.mayAnswer(id));
        return "versions";
    }

    /** The versions published with their document. */
    private Set<Integer> withDocument(String id, List<VersionSummary> versions) {
        return versions.stream().map(VersionSummary::version)
                .filter(v -> documents.documentOf(id, v).isPresent()).collect(Collectors.toSet());
    }

    /**
     * For each revision whose text and whose earlier version's text are both on record: its changes from that version
     * and what produced each, as of the page's moment.
     */
    private Map<Integer, Provenance> provenances(String id, List<VersionSummary> versions, Set<Integer> withDocument,
                                                 Moment moment) {
        Map<Integer, Provenance> out = new LinkedHashMap<>();
        for (VersionSummary v : versions) {
            int from = v.basedOn() != null ? v.basedOn() : v.version() - 1;
            if (v.revision() && withDocument.contains(v.version()) && withDocument.contains(from)) {
                out.put(v.version(), comparisons.provenance(id, v.version(), from, moment.asOf()));
            }
        }
        return out;
    }

    /**
     * One row of the table: the comment, its thread (responses in full, commitments and where they were kept), and
     * where its passage is in each later version with a document (by version; empty when there is nothing to follow).
     */
    public record Row(CommentSummary comment, CommentThread thread, Map<Integer, CommentAnchoring> anchorings) {
    }

    @GetMapping("/deliberations/{id}/versions/{version}/disposition")
    String disposition(@PathVariable String id, @PathVariable int version, @ModelAttribute(binding = false) Moment moment,
                       @RequestParam(defaultValue = "1") int p, Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        List<VersionSummary> versions = moment.isNow() ? presentVersions : deliberations.versions(id, moment);
        VersionSummary shown = versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new UnknownRecord("version", "No version " + version + " of '" + id + "' at this moment."));
        Paged<CommentSummary> comments = Paged.of(views.list(new FindComments(id, moment.asOf()), CommentSummary.class)
                .stream().filter(c -> c.draftVersion() == version).toList(), p, TABLE_SIZE);
        List<Row> rows = comments.items().stream()
                .map(c -> new Row(c, views.one(new FindThread(c.commentId(), moment.asOf()), CommentThread.class),
                        comparisons.anchoringOf(c, moment.asOf())))
                .toList();
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        model.addAttribute("version", shown);
        model.addAttribute("later", versions.stream().filter(v -> v.version() > version).toList());
        model.addAttribute("illustrative", presentVersions.stream().filter(VersionSummary::illustrative)
                .map(VersionSummary::version).collect(Collectors.toSet()));
        model.addAttribute("comments", comments);
        model.addAttribute("rows", rows);
        model.addAttribute("anchored", rows.stream().anyMatch(r -> !r.anchorings().isEmpty()));
        return "disposition";
    }
}

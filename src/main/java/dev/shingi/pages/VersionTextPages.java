package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionDocuments;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.VersionComparisons;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A version's document as pages: its text, page by page and line by line, with the comments raised on it as markers
 * on their lines; and what changed from an earlier version, side by side. The texts are those of
 * {@code GET /api/deliberations/{id}/versions/{n}/text} and {@code …/diff}; which versions and comments there are is
 * the page's moment's.
 */
@Controller
class VersionTextPages {
    private final Views views;
    private final Deliberations deliberations;
    private final Access access;
    private final VersionDocuments documents;
    private final DocumentLibrary library;
    private final VersionComparisons comparisons;

    VersionTextPages(Views views, Deliberations deliberations, Access access, VersionDocuments documents,
                     DocumentLibrary library, VersionComparisons comparisons) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
        this.documents = documents;
        this.library = library;
        this.comparisons = comparisons;
    }

    @GetMapping("/deliberations/{id}/versions/{version}/text")
    String text(@PathVariable String id, @PathVariable int version, @ModelAttribute(binding = false) Moment moment,
                Model model) {
        around(id, version, moment, Map.of(), model);
        Optional<DocumentText> text = textOf(id, version);
        model.addAttribute("text", text.map(t -> VersionText.of(t, commentsOn(id, version, moment))).orElse(null));
        return "version-text";
    }

    /** Why a comparison cannot be made: a message key, with the version named in {@code from} (or the default). */
    public record Refusal(String key, int from) {
    }

    @GetMapping("/deliberations/{id}/versions/{version}/diff")
    String diff(@PathVariable String id, @PathVariable int version, @RequestParam(required = false) Integer from,
                @ModelAttribute(binding = false) Moment moment, Model model, HttpServletResponse response) {
        Map<String, String> keep = from == null ? Map.of() : Map.of("from", String.valueOf(from));
        VersionSummary shown = around(id, version, moment, keep, model);
        List<VersionSummary> versions = deliberations.versions(id, moment);
        model.addAttribute("earlier", versions.stream().filter(v -> v.version() < version)
                .filter(v -> hasDocument(id, v.version())).map(VersionSummary::version).toList());
        if (!hasDocument(id, version)) {
            return "version-diff"; // the page says the version has no document: nothing to compare, nothing wrong asked
        }
        int older;
        try {
            older = comparisons.from(id, shown, from, moment.asOf());
        } catch (InvalidInput e) {
            return refused(from == null ? new Refusal("diff.refused.first", version)
                    : new Refusal(from >= version ? "diff.refused.notEarlier" : "diff.refused.unknown", from),
                    model, response);
        }
        model.addAttribute("from", older);
        if (!hasDocument(id, older)) {
            return refused(new Refusal("diff.refused.fromNoDocument", older), model, response);
        }
        model.addAttribute("diff", VersionDiff.of(older, version,
                comparisons.diff(id, version, older, moment.asOf())));
        return "version-diff";
    }

    private static String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("refusal", refusal);
        return "version-diff";
    }

    /** What both pages show around their content; the version as of the moment, 404 when it was not on record. */
    private VersionSummary around(String id, int version, Moment moment, Map<String, String> keep, Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        List<VersionSummary> versions = moment.isNow() ? presentVersions : deliberations.versions(id, moment);
        VersionSummary shown = versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new UnknownRecord("version", "No version " + version + " of '" + id + "' at this moment."));
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, keep));
        model.addAttribute("version", shown);
        model.addAttribute("illustrative", presentVersions.stream().filter(VersionSummary::illustrative)
                .map(VersionSummary::version).collect(Collectors.toSet()));
        return shown;
    }

    private boolean hasDocument(String id, int version) {
        return documents.documentOf(id, version).isPresent();
    }

    private Optional<DocumentText> textOf(String id, int version) {
        return documents.documentOf(id, version).flatMap(library::text);
    }

    /** The comments raised on the version, as of the moment, in reference order. */
    private List<CommentSummary> commentsOn(String id, int version, Moment moment) {
        return views.list(new FindComments(id, moment.asOf()), CommentSummary.class).stream()
                .filter(c -> c.draftVersion() == version).toList();
    }
}

package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CommentThread;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.FindThread;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draft evolution: the versions on a timeline, each with what changed, the commitments it kept and the comments it
 * addressed; and, for a version, the disposition-of-comments table (「ご意見と考え方」) a secretariat publishes.
 */
@Controller
class VersionsPage {
    /** Rows per printed table page; the table asks for one thread per row. */
    static final int TABLE_SIZE = 200;

    private final Views views;
    private final Deliberations deliberations;
    private final Access access;

    VersionsPage(Views views, Deliberations deliberations, Access access) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/deliberations/{id}/versions")
    String versions(@PathVariable String id, @ModelAttribute(binding = false) Moment moment, Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        model.addAttribute("versions", moment.isNow() ? presentVersions : deliberations.versions(id, moment));
        model.addAttribute("mayRevise", access.mayAnswer(id));
        return "versions";
    }

    /** One row of the table: the comment, and its thread (responses in full, commitments and where they were kept). */
    public record Row(CommentSummary comment, CommentThread thread) {
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
                .map(c -> new Row(c, views.one(new FindThread(c.commentId(), moment.asOf()), CommentThread.class)))
                .toList();
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        model.addAttribute("version", shown);
        model.addAttribute("later", versions.stream().filter(v -> v.version() > version).toList());
        model.addAttribute("illustrative", presentVersions.stream().filter(VersionSummary::illustrative)
                .map(VersionSummary::version).collect(Collectors.toSet()));
        model.addAttribute("comments", comments);
        model.addAttribute("rows", rows);
        return "disposition";
    }
}

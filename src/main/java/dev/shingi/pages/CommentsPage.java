package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.VersionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every comment of a deliberation, paged, optionally only those on one page of a version, by one member, or in one status. */
@Controller
class CommentsPage {
    private final Views views;
    private final Deliberations deliberations;
    private final Access access;

    CommentsPage(Views views, Deliberations deliberations, Access access) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/deliberations/{id}/comments")
    String comments(@PathVariable String id, @ModelAttribute(binding = false) Moment moment,
                    @RequestParam(required = false) Integer version, @RequestParam(required = false) Integer onPage,
                    @RequestParam(required = false) String author, @RequestParam(required = false) CommentStatus status,
                    @RequestParam(defaultValue = "1") int p, Model model) {
        access.requireRead(id);
        DeliberationDetail present = deliberations.present(id);
        List<VersionSummary> versions = deliberations.versions(id, views.present());
        Map<String, String> keep = new LinkedHashMap<>();
        if (version != null) keep.put("version", version.toString());
        if (onPage != null) keep.put("onPage", onPage.toString());
        if (author != null) keep.put("author", author);
        if (status != null) keep.put("status", status.name());
        List<CommentSummary> all = views.list(new FindComments(id, moment.asOf()), CommentSummary.class).stream()
                .filter(c -> version == null || c.draftVersion() == version)
                .filter(c -> onPage == null || on(c, onPage))
                .filter(c -> author == null || author.equals(c.author().id()))
                .filter(c -> status == null || c.status() == status)
                .toList();
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("participants", present.participants());
        model.addAttribute("slider", deliberations.slider(present, versions, keep));
        model.addAttribute("filters", keep);
        StringBuilder filterBase = new StringBuilder("/deliberations/" + id + "/comments");
        keep.forEach((k, v) -> filterBase.append(filterBase.indexOf("?") < 0 ? '?' : '&').append(k).append('=')
                .append(Moment.encode(v)));
        model.addAttribute("filterBase", filterBase.toString());
        model.addAttribute("comments", Paged.of(all, p, DashboardPage.PAGE_SIZE));
        model.addAttribute("filterVersion", version);
        model.addAttribute("filterPage", onPage);
        model.addAttribute("filterAuthor", author);
        model.addAttribute("filterStatus", status);
        model.addAttribute("statuses", CommentStatus.values());
        return "comments";
    }

    private static boolean on(CommentSummary c, int page) {
        if (c.anchor() == null || c.anchor().pageFrom() == null) {
            return false;
        }
        int last = c.anchor().pageTo() == null ? c.anchor().pageFrom() : c.anchor().pageTo();
        if (last - c.anchor().pageFrom() >= DashboardPage.WIDEST_RANGE) {
            last = c.anchor().pageFrom();
        }
        return c.anchor().pageFrom() <= page && page <= last;
    }
}

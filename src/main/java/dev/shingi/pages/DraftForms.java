package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.edge.DraftUploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.Map;

/**
 * Publish a draft as circulated ({@code /deliberations/{id}/drafts/new}): the secretariat's, as the API's is, with the
 * version's document from the form's file input (multipart) when one is chosen.
 */
@Controller
class DraftForms {
    private static final Map<String, String> RULE_FIELDS = Map.of("draft.version-once", "version",
            "draft.version-increasing", "version", "draft.version-positive", "version",
            "time.after-opening", "occurredAt");

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;
    private final FormUploads uploads;

    DraftForms(Views views, Records records, Deliberations deliberations, Access access, FormUploads uploads) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
        this.uploads = uploads;
    }

    @GetMapping("/deliberations/{id}/drafts/new")
    String form(@PathVariable String id, Model model) {
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        DraftForm form = new DraftForm();
        Integer latest = d.summary().latestVersion();
        form.setVersion(latest == null ? 1 : latest + 1);
        return page(d, form, model);
    }

    @PostMapping("/deliberations/{id}/drafts/new")
    String submit(@PathVariable String id, @Valid @ModelAttribute("form") DraftForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        // the file is held, not stored, until the command is answered; a refused one is an error on the input
        try (DraftUploads.Upload upload = uploads.stage(form.getFile(), errors)) {
            if (!errors.hasErrors()) {
                PublishDraft command = new PublishDraft(id, form.getVersion(), form.getTitle().trim(),
                        CommentForms.trim(form.getMaterialNumber()), form.getPageCount(), occurredAt,
                        upload == null ? null : upload.document());
                if (records.record(command, request, errors, RULE_FIELDS)) {
                    redirect.addFlashAttribute("notice", "notice.published");
                    return "redirect:/deliberations/" + id + "/versions";
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        uploads.describe(model, form.getFile(), true);
        return page(d, form, model);
    }

    private String page(DeliberationDetail d, DraftForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("form", form);
        if (!model.containsAttribute("maxMegabytes")) {
            uploads.describe(model, null, false);
        }
        return "forms/draft";
    }
}

package dev.shingi.pages;

import dev.shingi.deliberation.api.*;
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

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commit a revision: the new version, what changed, which open commitments it keeps (ticked, with where), and its
 * document from the form's file input (multipart) when one is chosen.
 */
@Controller
class RevisionForms {
    private static final Map<String, String> RULE_FIELDS = Map.of(
            "draft.version-once", "version", "draft.version-increasing", "version", "draft.version-positive", "version",
            "revision.follows-a-version", "version", "participant.registered", "committedBy",
            "participant.secretariat-only", "committedBy", "revision.location-within-draft", "pageCount",
            UnresolvedItems.RULE, "overrideReason");

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;
    private final FormUploads uploads;

    RevisionForms(Views views, Records records, Deliberations deliberations, Access access, FormUploads uploads) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
        this.uploads = uploads;
    }

    @GetMapping("/deliberations/{id}/revisions/new")
    String form(@PathVariable String id, Principal principal, Model model) {
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        Map<String, CommitmentSummary> open = open(id);
        RevisionForm form = new RevisionForm();
        Integer latest = d.summary().latestVersion();
        form.setVersion(latest == null ? 1 : latest + 1);
        form.setCommittedBy(CommentForms.participant(d, principal, Role.SECRETARIAT));
        open.keySet().forEach(commitmentId -> {
            RevisionForm.FulfilmentRow row = new RevisionForm.FulfilmentRow();
            row.setCommitmentId(commitmentId);
            form.getFulfils().add(row);
        });
        return page(d, open, form, model);
    }

    @PostMapping("/deliberations/{id}/revisions/new")
    String submit(@PathVariable String id, @Valid @ModelAttribute("form") RevisionForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        List<Fulfilment> fulfils = form.getFulfils().stream().filter(RevisionForm.FulfilmentRow::isSelected)
                .map(f -> new Fulfilment(null, f.getCommitmentId(), new Location(f.getPage(),
                        CommentForms.trim(f.getFootnote()), CommentForms.trim(f.getSection()))))
                .toList();
        List<String> changes = form.getChanges() == null ? List.of()
                : Arrays.stream(form.getChanges().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        // the file is held, not stored, until the command is answered; a refused one is an error on the input
        try (DraftUploads.Upload upload = uploads.stage(form.getFile(), errors)) {
            if (!errors.hasErrors()) {
                CommitRevision command = new CommitRevision(id, form.getVersion(), form.getTitle().trim(),
                        CommentForms.trim(form.getMaterialNumber()), form.getPageCount(),
                        CommentForms.trim(form.getSummary()), changes, fulfils, form.getCommittedBy(),
                        form.isIllustrative(), occurredAt, upload == null ? null : upload.document(),
                        Views.blank(form.getOverrideReason()) ? null
                                : new ReadinessOverride(form.getOverrideReason().trim()));
                if (records.record(command, request, errors, RULE_FIELDS, rule -> {
                    if (rule instanceof UnresolvedItems unresolved) {
                        model.addAttribute("unresolved", unresolved.items());
                    }
                })) {
                    redirect.addFlashAttribute("notice", "notice.revised");
                    return "redirect:/deliberations/" + id + "/versions";
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        uploads.describe(model, form.getFile(), true);
        return page(d, open(id), form, model);
    }

    private Map<String, CommitmentSummary> open(String id) {
        return views.one(new FindOutstanding(id, views.present().asOf()), Outstanding.class).commitments().stream()
                .collect(Collectors.toMap(CommitmentSummary::commitmentId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private String page(DeliberationDetail d, Map<String, CommitmentSummary> open, RevisionForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("secretariat", d.participants().stream().filter(p -> p.role() == Role.SECRETARIAT).toList());
        model.addAttribute("open", open);
        model.addAttribute("form", form);
        if (!model.containsAttribute("maxMegabytes")) {
            uploads.describe(model, null, false);
        }
        return "forms/revision";
    }
}

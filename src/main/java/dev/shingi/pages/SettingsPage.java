package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.ParticipantDirectory;
import dev.shingi.deliberation.api.SetVisibility;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
 * A deliberation's settings ({@code /deliberations/{id}/settings}): its details as opened, read-only (no command
 * changes a title or body), and its visibility, changed with the SetVisibility command the API's POST
 * {@code /{id}/visibility} sends. The secretariat's (and an administrator's), as the API's is.
 */
@Controller
class SettingsPage {
    private static final Map<String, String> RULE_FIELDS = Map.of("occurredAt", "occurredAt");

    /** SetVisibility's fields: readable by anyone or by members only, and when. SetVisibility has no reason. */
    public static class VisibilityForm {
        @NotNull
        private Boolean publiclyReadable;
        private String occurredAt;

        public Boolean getPubliclyReadable() { return publiclyReadable; }
        public void setPubliclyReadable(Boolean publiclyReadable) { this.publiclyReadable = publiclyReadable; }
        public String getOccurredAt() { return occurredAt; }
        public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    }

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;
    private final ParticipantDirectory directory;

    SettingsPage(Views views, Records records, Deliberations deliberations, Access access, ParticipantDirectory directory) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
        this.directory = directory;
    }

    @GetMapping("/deliberations/{id}/settings")
    String settings(@PathVariable String id, Model model) {
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        VisibilityForm form = new VisibilityForm();
        form.setPubliclyReadable(directory.isPublic(id));
        return page(id, d, form, model);
    }

    @PostMapping("/deliberations/{id}/settings")
    String visibility(@PathVariable String id, @Valid @ModelAttribute("form") VisibilityForm form, BindingResult errors,
                      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            SetVisibility command = new SetVisibility(id, form.getPubliclyReadable(), occurredAt);
            if (records.record(command, request, errors, RULE_FIELDS)) {
                redirect.addFlashAttribute("notice", form.getPubliclyReadable() ? "notice.madePublic" : "notice.madeMembersOnly");
                return "redirect:/deliberations/" + id + "/settings";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(id, d, form, model);
    }

    private String page(String id, DeliberationDetail d, VisibilityForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("publiclyReadable", directory.isPublic(id));
        model.addAttribute("form", form);
        return "settings";
    }
}

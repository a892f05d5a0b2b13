package dev.shingi.pages;

import dev.shingi.deliberation.api.OpenDeliberation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.Map;

/**
 * Open a deliberation ({@code /deliberations/new}): the administrator's, as {@code POST /api/deliberations} is — a new
 * body's ledger is set up by whoever also registers its people; the secretariat takes over from there.
 */
@Controller
class DeliberationForms {
    private static final Map<String, String> RULE_FIELDS = Map.of("ledger.id-once", "deliberationId");

    private final Views views;
    private final Records records;
    private final Access access;

    DeliberationForms(Views views, Records records, Access access) {
        this.views = views;
        this.records = records;
        this.access = access;
    }

    @GetMapping("/deliberations/new")
    String form(Model model) {
        access.requireAdmin();
        model.addAttribute("form", new DeliberationForm());
        return "forms/deliberation";
    }

    @PostMapping("/deliberations/new")
    String submit(@Valid @ModelAttribute("form") DeliberationForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireAdmin();
        Instant openedAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            String id = form.getDeliberationId().trim();
            OpenDeliberation command = new OpenDeliberation(id, form.getTitle().trim(),
                    CommentForms.trim(form.getBody()), openedAt);
            if (records.record(command, request, errors, RULE_FIELDS)) {
                redirect.addFlashAttribute("notice", "notice.opened");
                return "redirect:/deliberations/" + id;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "forms/deliberation";
    }
}

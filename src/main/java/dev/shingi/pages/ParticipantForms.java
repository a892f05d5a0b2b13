package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.ParticipantAlias;
import dev.shingi.deliberation.api.RegisterAlias;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.Role;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A deliberation's participants ({@code /deliberations/{id}/participants}): the list, for whoever may read the
 * deliberation, with the aliases each goes by; the form that registers one more, for the administrator (as
 * {@code POST …/participants} is); and the form that gives one an alias, for the secretariat.
 */
@Controller
class ParticipantForms {
    private static final Map<String, String> RULE_FIELDS = Map.of("participant.registered-once", "participantId",
            "participant.name-once", "name", "time.after-opening", "occurredAt");
    private static final Map<String, String> ALIAS_FIELDS = Map.of("participant.alias-names-one", "alias",
            "participantId", "participantId", "alias", "alias");

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;

    ParticipantForms(Views views, Records records, Deliberations deliberations, Access access) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/deliberations/{id}/participants")
    String list(@PathVariable String id, Model model) {
        access.requireRead(id);
        ParticipantForm form = new ParticipantForm();
        form.setRole(Role.MEMBER);
        return page(deliberations.present(id), form, new AliasForm(), model);
    }

    @PostMapping("/deliberations/{id}/participants/aliases")
    String alias(@PathVariable String id, @Valid @ModelAttribute("aliasForm") AliasForm aliasForm, BindingResult errors,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        if (!errors.hasErrors()) {
            RegisterAlias command = new RegisterAlias(id, aliasForm.getParticipantId().trim(),
                    aliasForm.getAlias().strip(), received);
            if (records.record(command, request, errors, ALIAS_FIELDS)) {
                redirect.addFlashAttribute("notice", "notice.aliasRegistered");
                return "redirect:/deliberations/" + id + "/participants";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ParticipantForm form = new ParticipantForm();
        form.setRole(Role.MEMBER);
        return page(d, form, aliasForm, model);
    }

    @PostMapping("/deliberations/{id}/participants")
    String register(@PathVariable String id, @Valid @ModelAttribute("form") ParticipantForm form, BindingResult errors,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireAdmin();
        DeliberationDetail d = deliberations.present(id);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            RegisterParticipant command = new RegisterParticipant(id, form.getParticipantId().trim(),
                    form.getName().trim(), form.getRole(), CommentForms.trim(form.getTitle()),
                    CommentForms.trim(form.getAffiliation()), form.isOrganisation(), occurredAt);
            if (records.record(command, request, errors, RULE_FIELDS)) {
                redirect.addFlashAttribute("notice", "notice.registered");
                return "redirect:/deliberations/" + id + "/participants";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(d, form, new AliasForm(), model);
    }

    private String page(DeliberationDetail d, ParticipantForm form, AliasForm aliasForm, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("participants", d.participants());
        model.addAttribute("aliases", d.aliases().stream().collect(Collectors.groupingBy(ParticipantAlias::participantId,
                Collectors.mapping(ParticipantAlias::alias, Collectors.joining(", ")))));
        model.addAttribute("mayAlias", access.mayAnswer(d.summary().deliberationId()));
        model.addAttribute("aliasForm", aliasForm);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("mayRegister", access.isAdmin());
        model.addAttribute("form", form);
        return "participants";
    }
}

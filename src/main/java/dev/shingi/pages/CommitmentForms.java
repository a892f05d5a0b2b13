package dev.shingi.pages;

import dev.shingi.deliberation.api.*;
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
import java.util.Map;

/** Closing a commitment without a revision: conclude a CONSIDER (with its outcome) or waive any (with a reason). */
@Controller
class CommitmentForms {
    private static final Map<String, String> RULE_FIELDS = Map.of(
            "participant.registered", "participantId", "participant.secretariat-only", "participantId",
            "time.in-order", "occurredAt");

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;

    CommitmentForms(Views views, Records records, Deliberations deliberations, Access access) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/commitments/{commitmentId}/{action:conclude|waive}")
    String form(@PathVariable String commitmentId, @PathVariable String action, Principal principal, Model model) {
        Found found = find(commitmentId);
        ActionForm form = new ActionForm();
        form.setParticipantId(CommentForms.participant(found.deliberation(), principal, Role.SECRETARIAT));
        return page(action, found, form, model);
    }

    @PostMapping("/commitments/{commitmentId}/{action:conclude|waive}")
    String submit(@PathVariable String commitmentId, @PathVariable String action,
                  @Valid @ModelAttribute("form") ActionForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        Found found = find(commitmentId);
        String commentId = found.thread().comment().commentId();
        if (Views.blank(form.getText())) {
            errors.rejectValue("text", "NotBlank");
        }
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            Object command = "conclude".equals(action)
                    ? new ConcludeCommitment(commentId, commitmentId, form.getParticipantId(), form.getText().trim(), occurredAt)
                    : new WaiveCommitment(commentId, commitmentId, form.getParticipantId(), form.getText().trim(), occurredAt);
            if (records.record(command, request, errors, RULE_FIELDS)) {
                redirect.addFlashAttribute("notice", "conclude".equals(action) ? "notice.concluded" : "notice.waived");
                return "redirect:/comments/" + commentId;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(action, found, form, model);
    }

    private record Found(CommentThread thread, CommitmentSummary commitment, DeliberationDetail deliberation) {
    }

    private Found find(String commitmentId) {
        String commentId = Ids.commentIdOfCommitment(commitmentId);
        if (commentId == null) {
            throw new UnknownRecord("commitmentId", "No commitment '" + commitmentId + "'.");
        }
        CommentThread thread = views.one(new FindThread(commentId, views.present().asOf()), CommentThread.class);
        CommitmentSummary commitment = thread.responses().stream().flatMap(r -> r.commitments().stream())
                .filter(c -> c.commitmentId().equals(commitmentId)).findFirst()
                .orElseThrow(() -> new UnknownRecord("commitmentId", "No commitment '" + commitmentId + "'."));
        access.requireSecretariat(thread.comment().deliberationId());
        return new Found(thread, commitment, deliberations.present(thread.comment().deliberationId()));
    }

    private String page(String action, Found found, ActionForm form, Model model) {
        model.addAttribute("deliberation", found.deliberation().summary());
        model.addAttribute("thread", found.thread());
        model.addAttribute("commitment", found.commitment());
        model.addAttribute("action", action);
        model.addAttribute("participants", found.deliberation().participants().stream()
                .filter(p -> p.role() == Role.SECRETARIAT).toList());
        model.addAttribute("form", form);
        return "forms/action";
    }
}

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The secretariat corrects a comment's record or one of its responses (CorrectRecord), as the API's corrections do:
 * each field's recorded value beside a box for the new one, an empty box (or the same value) leaving it as it is.
 */
@Controller
class CorrectionForms {
    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;

    CorrectionForms(Views views, Records records, Deliberations deliberations, Access access) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/comments/{commentId}/correct")
    String correctForm(@PathVariable String commentId, @RequestParam(required = false) String responseId,
                       Principal principal, Model model) {
        CommentThread thread = thread(commentId);
        access.requireSecretariat(thread.comment().deliberationId());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        CorrectionForm form = new CorrectionForm();
        form.setResponseId(response(thread, responseId) == null ? null : responseId);
        form.setCorrectedBy(CommentForms.participant(d, principal, Role.SECRETARIAT));
        return page(thread, d, form, model);
    }

    @PostMapping("/comments/{commentId}/correct")
    String correct(@PathVariable String commentId, @Valid @ModelAttribute("form") CorrectionForm form,
                   BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        Instant received = views.now();
        CommentThread thread = thread(commentId);
        access.requireSecretariat(thread.comment().deliberationId());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        String responseId = CommentForms.trim(form.getResponseId());
        ResponseDetail answer = response(thread, responseId);
        CommentSummary c = thread.comment();
        Instant recordOccurredAt = Views.blank(form.getRecordOccurredAt()) ? null
                : records.occurredAt(form.getRecordOccurredAt(), "recordOccurredAt", received, errors);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            // a value the record already has is no change: sent as such it would fill the corrections table with noise
            CorrectRecord command = new CorrectRecord(commentId, responseId,
                    changed(CommentForms.trim(form.getAuthorId()), answer != null ? answer.responder().id() : c.author().id()),
                    form.getAnchor().isBlank() ? null : changed(form.getAnchor().over(c.anchor()), c.anchor()),
                    changed(form.getKind(), c.kind()),
                    changed(form.getDisposition(), answer != null ? answer.disposition() : null),
                    changed(CommentForms.trim(form.getText()), answer != null ? answer.text() : c.text()),
                    changed(recordOccurredAt, answer != null ? answer.occurredAt() : c.occurredAt()),
                    form.getReason().trim(), form.getCorrectedBy(), occurredAt);
            Map<String, String> fields = new HashMap<>(CommentForms.ANCHOR_RULES);
            fields.putAll(Map.of("correction.fields-of-record", "responseId", "responseId", "responseId",
                    "comment.author-registered", "authorId", "participant.registered", "correctedBy",
                    "participant.secretariat-only", "correctedBy", "time.in-order", "recordOccurredAt",
                    "recordOccurredAt", "recordOccurredAt"));
            if (records.record(command, request, errors, fields)) {
                redirect.addFlashAttribute("notice", "notice.corrected");
                return "redirect:/comments/" + commentId;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(thread, d, form, model);
    }

    private String page(CommentThread thread, DeliberationDetail d, CorrectionForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("thread", thread);
        model.addAttribute("answer", response(thread, form.getResponseId()));
        model.addAttribute("participants", d.participants());
        model.addAttribute("secretariat", d.participants().stream().filter(p -> p.role() == Role.SECRETARIAT).toList());
        model.addAttribute("kinds", CommentKind.values());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("form", form);
        return "forms/correct";
    }

    private CommentThread thread(String commentId) {
        return views.one(new FindThread(commentId, views.present().asOf()), CommentThread.class);
    }

    private static ResponseDetail response(CommentThread thread, String responseId) {
        return responseId == null ? null : thread.responses().stream()
                .filter(r -> r.responseId().equals(responseId)).findFirst().orElse(null);
    }

    private static <T> T changed(T given, T current) {
        return Objects.equals(given, current) ? null : given;
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write side of a comment: raise one, respond to it (with commitments), withdraw it, acknowledge a response.
 * Each form sends the command the REST API would send for the same input; the answer is the thread (post, redirect,
 * get), or the form again with the reason next to the field, in the page's language.
 */
@Controller
class CommentForms {
    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;

    CommentForms(Views views, Records records, Deliberations deliberations, Access access) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
    }

    /** The anchor's rules (Rules.requireAnchorWithin), each beside the field it is about, on every form with an anchor. */
    static final Map<String, String> ANCHOR_RULES = Map.of(
            "anchor.page-positive", "anchor.pageFrom", "anchor.page-range-ordered", "anchor.pageTo",
            "anchor.page-within-draft", "anchor.pageTo", "anchor.line-positive", "anchor.lineFrom",
            "anchor.line-range-ordered", "anchor.lineTo");

    // ---- raise -------------------------------------------------------------------------------------------------

    @GetMapping("/deliberations/{id}/comments/new")
    String raiseForm(@PathVariable String id, Principal principal, Model model) {
        access.requireActingAs(id, access.user()); // the secretariat, or a chair or member for themselves
        DeliberationDetail d = deliberations.present(id);
        CommentForm form = new CommentForm();
        form.setAuthorId(participant(d, principal, null));
        form.setDraftVersion(d.summary().latestVersion());
        return raisePage(d, form, model);
    }

    @PostMapping("/deliberations/{id}/comments/new")
    String raise(@PathVariable String id, @Valid @ModelAttribute("form") CommentForm form, BindingResult errors,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireActingAs(id, Views.blank(form.getAuthorId()) ? access.user() : form.getAuthorId());
        DeliberationDetail d = deliberations.present(id);
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            String commentId = UUID.randomUUID().toString();
            RaiseComment command = new RaiseComment(commentId, id, form.getAuthorId(), form.getDraftVersion(),
                    form.getAnchor().toAnchor(), form.getKind(), form.getText(), trim(form.getMeetingId()), occurredAt,
                    trim(form.getProposedChange()));
            Map<String, String> fields = new HashMap<>(ANCHOR_RULES);
            fields.putAll(Map.of("comment.author-registered", "authorId", "time.in-order", "occurredAt",
                    "draftVersion", "draftVersion", "meetingId", "meetingId"));
            if (records.record(command, request, errors, fields)) {
                redirect.addFlashAttribute("notice", "notice.raised");
                return "redirect:/comments/" + commentId;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return raisePage(d, form, model);
    }

    private String raisePage(DeliberationDetail d, CommentForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        String id = d.summary().deliberationId();
        model.addAttribute("participants", d.participants().stream()
                .filter(p -> access.mayAnswer(id) || p.participantId().equals(access.user())).toList());
        model.addAttribute("meetings", d.meetings());
        model.addAttribute("versions", deliberations.versions(d.summary().deliberationId(), views.present()));
        model.addAttribute("kinds", CommentKind.values());
        model.addAttribute("form", form);
        return "forms/comment";
    }

    // ---- respond -----------------------------------------------------------------------------------------------

    @GetMapping("/comments/{commentId}/respond")
    String respondForm(@PathVariable String commentId, Principal principal, Model model) {
        CommentThread thread = thread(commentId);
        access.requireSecretariat(thread.comment().deliberationId());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        ResponseForm form = new ResponseForm();
        form.setResponderId(participant(d, principal, Role.SECRETARIAT));
        for (int i = 0; i < ResponseForm.ROWS; i++) {
            form.getCommitments().add(new ResponseForm.CommitmentRow());
        }
        return respondPage(thread, d, form, model);
    }

    @PostMapping("/comments/{commentId}/respond")
    String respond(@PathVariable String commentId, @Valid @ModelAttribute("form") ResponseForm form, BindingResult errors,
                   HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        CommentThread thread = thread(commentId);
        access.requireSecretariat(thread.comment().deliberationId());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        if (request.getParameter("addRow") != null) {
            errors = new org.springframework.validation.BeanPropertyBindingResult(form, "form"); // not a submission
            form.getCommitments().add(new ResponseForm.CommitmentRow());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return respondPage(thread, d, form, model);
        }
        List<NewCommitment> commitments = new ArrayList<>();
        for (int i = 0; i < form.getCommitments().size(); i++) {
            ResponseForm.CommitmentRow row = form.getCommitments().get(i);
            if (row.isEmpty()) {
                continue;
            }
            if (row.getKind() == null) {
                errors.rejectValue("commitments[" + i + "].kind", "NotNull");
            }
            if (Views.blank(row.getDescription())) {
                errors.rejectValue("commitments[" + i + "].description", "NotBlank");
            }
            commitments.add(new NewCommitment(row.getKind(), trim(row.getDescription()), trim(row.getOwnerId()),
                    row.getDueDate()));
        }
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors()) {
            RespondToComment command = new RespondToComment(commentId, UUID.randomUUID().toString(), form.getResponderId(),
                    form.getDisposition(), form.getText(), commitments, occurredAt);
            if (records.record(command, request, errors, Map.of(
                    "participant.registered", "responderId", "participant.secretariat-only", "responderId",
                    "time.in-order", "occurredAt"))) {
                redirect.addFlashAttribute("notice", "notice.responded");
                return "redirect:/comments/" + commentId;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return respondPage(thread, d, form, model);
    }

    private String respondPage(CommentThread thread, DeliberationDetail d, ResponseForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("thread", thread);
        model.addAttribute("participants", d.participants());
        model.addAttribute("secretariat", d.participants().stream().filter(p -> p.role() == Role.SECRETARIAT).toList());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("commitmentKinds", CommitmentKind.values());
        // what the reopened (or superseded) answers promised stays open: the new answer does not take it over silently
        model.addAttribute("earlierOpen", thread.responses().stream().flatMap(r -> r.commitments().stream())
                .filter(k -> k.status() == CommitmentStatus.OPEN && k.ofEarlierAnswer()).toList());
        model.addAttribute("form", form);
        return "forms/respond";
    }

    // ---- withdraw ----------------------------------------------------------------------------------------------

    @GetMapping("/comments/{commentId}/withdraw")
    String withdrawForm(@PathVariable String commentId, Principal principal, Model model) {
        return authorOrSecretariatForm("withdraw", commentId, principal, model);
    }

    /** Withdraw or reopen: the author, or the secretariat on their behalf (the signed-in participant preselected). */
    private String authorOrSecretariatForm(String action, String commentId, Principal principal, Model model) {
        CommentThread thread = thread(commentId);
        access.requireActingAs(thread.comment().deliberationId(), thread.comment().author().id());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        ActionForm form = new ActionForm();
        form.setParticipantId(principal != null && has(d, principal.getName()) ? principal.getName()
                : thread.comment().author().id());
        return actionPage(action, thread, d, form, model);
    }

    @PostMapping("/comments/{commentId}/withdraw")
    String withdraw(@PathVariable String commentId, @Valid @ModelAttribute("form") ActionForm form, BindingResult errors,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        CommentThread thread = thread(commentId);
        access.requireActingAs(thread.comment().deliberationId(), form.getParticipantId());
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors() && records.record(new WithdrawComment(commentId, form.getParticipantId(),
                        trim(form.getText()), occurredAt), request, errors,
                Map.of("comment.author-or-secretariat", "participantId", "time.in-order", "occurredAt"))) {
            redirect.addFlashAttribute("notice", "notice.withdrawn");
            return "redirect:/comments/" + commentId;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return actionPage("withdraw", thread, deliberations.present(thread.comment().deliberationId()), form, model);
    }

    // ---- reopen ------------------------------------------------------------------------------------------------

    @GetMapping("/comments/{commentId}/reopen")
    String reopenForm(@PathVariable String commentId, Principal principal, Model model) {
        return authorOrSecretariatForm("reopen", commentId, principal, model);
    }

    @PostMapping("/comments/{commentId}/reopen")
    String reopen(@PathVariable String commentId, @Valid @ModelAttribute("form") ActionForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        CommentThread thread = thread(commentId);
        access.requireActingAs(thread.comment().deliberationId(),
                Views.blank(form.getParticipantId()) ? thread.comment().author().id() : form.getParticipantId());
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors() && records.record(new ReopenComment(commentId, form.getParticipantId(),
                        trim(form.getText()), occurredAt), request, errors,
                Map.of("comment.author-or-secretariat", "participantId", "time.in-order", "occurredAt"))) {
            redirect.addFlashAttribute("notice", "notice.reopened");
            return "redirect:/comments/" + commentId;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return actionPage("reopen", thread, deliberations.present(thread.comment().deliberationId()), form, model);
    }

    // ---- acknowledge -------------------------------------------------------------------------------------------

    @GetMapping("/comments/{commentId}/acknowledge")
    String acknowledgeForm(@PathVariable String commentId, Model model) {
        CommentThread thread = thread(commentId);
        access.requireActingAs(thread.comment().deliberationId(), thread.comment().author().id());
        DeliberationDetail d = deliberations.present(thread.comment().deliberationId());
        ActionForm form = new ActionForm();
        form.setParticipantId(thread.comment().author().id());
        if (!thread.responses().isEmpty()) {
            form.setResponseId(thread.responses().get(thread.responses().size() - 1).responseId());
        }
        return actionPage("acknowledge", thread, d, form, model);
    }

    @PostMapping("/comments/{commentId}/acknowledge")
    String acknowledge(@PathVariable String commentId, @Valid @ModelAttribute("form") ActionForm form,
                       BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        Instant received = views.now();
        CommentThread thread = thread(commentId);
        access.requireActingAs(thread.comment().deliberationId(), form.getParticipantId());
        if (Views.blank(form.getResponseId())) {
            errors.rejectValue("responseId", "NotNull");
        }
        if (form.getSatisfied() == null) {
            errors.rejectValue("satisfied", "NotNull");
        }
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        if (!errors.hasErrors() && records.record(new AcknowledgeResponse(commentId, form.getResponseId(),
                        form.getParticipantId(), form.getSatisfied(), trim(form.getText()), occurredAt), request, errors,
                Map.of("acknowledgement.by-author", "participantId", "responseId", "responseId",
                        "time.in-order", "occurredAt"))) {
            redirect.addFlashAttribute("notice", "notice.acknowledged");
            return "redirect:/comments/" + commentId;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return actionPage("acknowledge", thread, deliberations.present(thread.comment().deliberationId()), form, model);
    }

    private String actionPage(String action, CommentThread thread, DeliberationDetail d, ActionForm form, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("thread", thread);
        model.addAttribute("action", action);
        model.addAttribute("participants", switch (action) {
            case "acknowledge" -> d.participants().stream()
                    .filter(p -> p.participantId().equals(thread.comment().author().id())).toList();
            case "withdraw", "reopen" -> d.participants().stream()
                    .filter(p -> p.participantId().equals(thread.comment().author().id())
                            || (p.role() == Role.SECRETARIAT && access.mayAnswer(d.summary().deliberationId())))
                    .toList();
            default -> d.participants().stream().filter(p -> p.role() == Role.SECRETARIAT).toList();
        });
        model.addAttribute("form", form);
        return "forms/action";
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private CommentThread thread(String commentId) {
        return views.one(new FindThread(commentId, views.present().asOf()), CommentThread.class);
    }

    /** The signed-in user when they are a participant (of the role, if given); else nobody preselected. */
    static String participant(DeliberationDetail d, Principal principal, Role role) {
        if (principal == null) {
            return null;
        }
        return d.participants().stream()
                .filter(p -> p.participantId().equals(principal.getName()) && (role == null || p.role() == role))
                .map(Participant::participantId).findFirst().orElse(null);
    }

    static boolean has(DeliberationDetail d, String participantId) {
        return d.participants().stream().anyMatch(p -> p.participantId().equals(participantId));
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

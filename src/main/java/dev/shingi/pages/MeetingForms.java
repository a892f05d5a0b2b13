package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.Material;
import dev.shingi.deliberation.api.RecordMeeting;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ReadClock;
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

/**
 * Record a meeting ({@code /deliberations/{id}/meetings/new}): the secretariat's (and an administrator's), as the
 * API's POST {@code /{id}/meetings} is. The same RecordMeeting command; a refusal comes back beside its field.
 */
@Controller
class MeetingForms {
    private static final Map<String, String> RULE_FIELDS = Map.of("meeting.recorded-once", "meetingId",
            "meeting.attendees-registered", "attendeeIds", "startsAt", "startsAt", "occurredAt", "occurredAt",
            "ledger.id-once", "meetingId");

    private final Views views;
    private final Records records;
    private final Deliberations deliberations;
    private final Access access;

    MeetingForms(Views views, Records records, Deliberations deliberations, Access access) {
        this.views = views;
        this.records = records;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/deliberations/{id}/meetings/new")
    String form(@PathVariable String id, Model model) {
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        MeetingForm form = new MeetingForm();
        form.setNumber(d.meetings().stream().map(m -> m.number()).filter(n -> n != null)
                .max(Integer::compare).map(n -> n + 1).orElse(null));
        return page(d, form, model);
    }

    @PostMapping("/deliberations/{id}/meetings/new")
    String submit(@PathVariable String id, @Valid @ModelAttribute("form") MeetingForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Instant received = views.now();
        access.requireSecretariat(id);
        DeliberationDetail d = deliberations.present(id);
        Instant startsAt = local(form.getStartsAt(), "startsAt", errors);
        Instant endsAt = local(form.getEndsAt(), "endsAt", errors);
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            errors.rejectValue("endsAt", "rule.meeting.ends-after-start", "The meeting ends before it starts.");
        }
        Instant occurredAt = records.occurredAt(form.getOccurredAt(), "occurredAt", received, errors);
        for (int i = 0; i < form.getMaterials().size(); i++) {
            MeetingForm.MaterialRow row = form.getMaterials().get(i);
            if (row != null && !row.empty() && Views.blank(row.getNumber())) {
                errors.rejectValue("materials[" + i + "].number", "NotBlank", "must not be blank");
            }
        }
        if (!errors.hasErrors()) {
            List<Material> materials = form.getMaterials().stream().filter(r -> r != null && !r.empty())
                    .map(r -> new Material(r.getNumber().trim(), CommentForms.trim(r.getTitle()))).toList();
            RecordMeeting command = new RecordMeeting(id, form.getMeetingId(), form.getNumber(),
                    CommentForms.trim(form.getTitle()), startsAt, endsAt, CommentForms.trim(form.getVenue()),
                    List.copyOf(form.getAttendeeIds()), materials, occurredAt);
            if (records.record(command, request, errors, RULE_FIELDS)) {
                redirect.addFlashAttribute("notice", "notice.meetingRecorded");
                return "redirect:/deliberations/" + id + "#meetings";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(d, form, model);
    }

    /** A datetime-local value in the pages' zone; empty is null; a bad one is an error on {@code field}. */
    private Instant local(String given, String field, BindingResult errors) {
        if (Views.blank(given) || errors.hasFieldErrors(field)) {
            return null;
        }
        try {
            return views.local(field, given);
        } catch (InvalidInput e) {
            errors.rejectValue(field, e.code() == null ? ReadClock.NOT_A_TIME : e.code(), e.getMessage());
            return null;
        }
    }

    private String page(DeliberationDetail d, MeetingForm form, Model model) {
        form.padMaterials();
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("participants", d.participants());
        model.addAttribute("form", form);
        return "forms/meeting";
    }
}

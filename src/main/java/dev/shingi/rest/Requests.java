package dev.shingi.rest;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.Role;
import dev.shingi.edge.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Request bodies. Limits (documented in docs/api.md): ids 1–100 of [A-Za-z0-9_-]; names and titles ≤ 500 characters;
 * comment and response texts ≤ 20,000; every instant is ISO-8601 with an offset, and {@code occurredAt} defaults to
 * the moment the request is received.
 */
final class Requests {
    static final String ID = Ids.PATTERN;
    static final String ID_MESSAGE = "must be 1–100 letters, digits, '_' or '-'";

    private Requests() {
    }

    record OpenDeliberationRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String deliberationId,
            @PlainText @NotBlank @Size(max = 500) String title,
            @PlainText @Size(max = 500) String body,
            OffsetDateTime occurredAt) {
    }

    record RegisterParticipantRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String participantId,
            @PlainText @NotBlank @Size(max = 500) String name,
            @NotNull Role role,
            @PlainText @Size(max = 500) String title,
            @PlainText @Size(max = 500) String affiliation,
            Boolean organisation,
            OffsetDateTime occurredAt) {
    }

    record AliasRequest(@PlainText @NotBlank @Size(max = 500) String alias, OffsetDateTime occurredAt) {
    }

    record VisibilityRequest(@NotNull Boolean publiclyReadable, OffsetDateTime occurredAt) {
    }

    record MaterialRequest(@NotBlank @Size(max = 100) String number, @Size(max = 500) String title) {
    }

    record RecordMeetingRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String meetingId,
            @Positive Integer number,
            @PlainText @Size(max = 500) String title,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @PlainText @Size(max = 500) String venue,
            @Size(max = 10_000) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> attendeeIds,
            @Size(max = 1_000) List<@Valid @NotNull MaterialRequest> materials,
            OffsetDateTime occurredAt) {
    }

    record PublishDraftRequest(
            @NotNull @Positive Integer version,
            @PlainText @NotBlank @Size(max = 500) String title,
            @PlainText @Size(max = 100) String materialNumber,
            @Positive Integer pageCount,
            OffsetDateTime occurredAt) {
    }

    record AnchorRequest(
            @Positive Integer pageFrom,
            @Positive Integer pageTo,
            @PlainText @Size(max = 100) String footnote,
            @PlainText @Size(max = 500) String section,
            @PlainText @Size(max = 5_000) String quote,
            @Positive Integer lineFrom,
            @Positive Integer lineTo,
            @PlainText @Size(max = 500) String element,
            @PlainText @Size(max = 1_000) String prefix,
            @PlainText @Size(max = 1_000) String suffix) {

        /** The anchor as the ledger stores it: a range's end defaults to its start. */
        Anchor toAnchor() {
            return new Anchor(pageFrom, pageTo != null ? pageTo : pageFrom, footnote, section, quote,
                    lineFrom, lineTo != null ? lineTo : lineFrom, element, prefix, suffix);
        }
    }

    record RaiseCommentRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String commentId,
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String authorId,
            @NotNull @Positive Integer draftVersion,
            @Valid AnchorRequest anchor,
            @NotNull CommentKind kind,
            @PlainText @NotBlank @Size(max = 20_000) String text,
            @Pattern(regexp = ID, message = ID_MESSAGE) String meetingId,
            OffsetDateTime occurredAt,
            @PlainText @Size(max = 20_000) String proposedChange) {
    }

    record CommitmentRequest(
            @NotNull CommitmentKind kind,
            @PlainText @NotBlank @Size(max = 5_000) String description,
            @Pattern(regexp = ID, message = ID_MESSAGE) String ownerId,
            LocalDate dueDate) {
    }

    record RespondRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String responseId,
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String responderId,
            @NotNull Disposition disposition,
            @PlainText @NotBlank @Size(max = 20_000) String text,
            @Size(max = 100) List<@Valid @NotNull CommitmentRequest> commitments,
            OffsetDateTime occurredAt) {
    }

    record AcknowledgeRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String responseId,
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String participantId,
            @NotNull Boolean satisfied,
            @PlainText @Size(max = 5_000) String note,
            OffsetDateTime occurredAt) {
    }

    record ParticipantActionRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String participantId,
            @PlainText @Size(max = 5_000) String reason,
            OffsetDateTime occurredAt) {
    }

    record ConcludeRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String participantId,
            @PlainText @NotBlank @Size(max = 5_000) String outcome,
            OffsetDateTime occurredAt) {
    }

    record WaiveRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String participantId,
            @PlainText @NotBlank @Size(max = 5_000) String reason,
            OffsetDateTime occurredAt) {
    }

    /** Only the given fields change; {@code responseId} names the response to correct (none: the comment). */
    record CorrectRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String responseId,
            @Pattern(regexp = ID, message = ID_MESSAGE) String authorId,
            @Valid AnchorRequest anchor,
            CommentKind kind,
            Disposition disposition,
            @PlainText @Size(min = 1, max = 20_000) String text,
            OffsetDateTime recordOccurredAt,
            @PlainText @NotBlank @Size(max = 5_000) String reason,
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String correctedBy,
            OffsetDateTime occurredAt) {
    }

    /** {@code commitment} is a reference ("#7.1") or a commitment id. */
    record FulfilmentRequest(
            @PlainText @NotBlank @Size(max = 220) String commitment,
            @Positive Integer page,
            @PlainText @Size(max = 100) String footnote,
            @PlainText @Size(max = 500) String section) {
    }

    record CommitRevisionRequest(
            @NotNull @Positive Integer version,
            @PlainText @NotBlank @Size(max = 500) String title,
            @PlainText @Size(max = 100) String materialNumber,
            @Positive Integer pageCount,
            @PlainText @Size(max = 20_000) String summary,
            @Size(max = 1_000) List<@NotBlank @PlainText @Size(max = 5_000) String> changes,
            @Size(max = 10_000) List<@Valid @NotNull FulfilmentRequest> fulfils,
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String committedBy,
            Boolean illustrative,
            OffsetDateTime occurredAt,
            @Valid OverrideRequest override) {
    }

    /** Why a revision goes ahead with items unresolved (the readiness gate, rule revision.unresolved-items). */
    record OverrideRequest(@PlainText @NotBlank @Size(max = 2_000) String reason) {
    }
}

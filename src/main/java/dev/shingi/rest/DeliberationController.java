package dev.shingi.rest;

import dev.shingi.deliberation.api.*;
import dev.shingi.rest.Requests.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.shingi.edge.DraftUploads;
import dev.shingi.edge.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import dev.shingi.platform.IdempotentRequest;

@RestController
@Validated
@RequestMapping("/api/deliberations")
@Tag(name = "Deliberations", description = "Deliberations, participants, meetings, drafts, revisions and their read models")
class DeliberationController {

    private final Edge edge;
    private final DraftUploads uploads;
    private final MultipartMetadata multipart;

    DeliberationController(Edge edge, DraftUploads uploads, MultipartMetadata multipart) {
        this.edge = edge;
        this.uploads = uploads;
        this.multipart = multipart;
    }

    @GetMapping
    @Operation(summary = "Every deliberation with its counts")
    List<DeliberationSummary> list(@RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        return edge.queryList(new FindDeliberations(edge.asOf(at, knownAt, afterEvent)), DeliberationSummary.class)
                .stream().filter(d -> edge.access.canRead(d.deliberationId())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deliberation: counts, participants, meetings")
    DeliberationDetail get(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return edge.query(new FindDeliberation(id, edge.asOf(at, knownAt, afterEvent)), DeliberationDetail.class);
    }

    private DeliberationDetail current(String id) {
        return edge.query(new FindDeliberation(id, edge.current()), DeliberationDetail.class);
    }

    @PostMapping
    @Operation(summary = "OpenDeliberation")
    ResponseEntity<DeliberationDetail> open(@Valid @RequestBody OpenDeliberationRequest r, HttpServletRequest request) {
        edge.access.requireAdmin();
        Instant received = edge.now();
        boolean shown = edge.record(new OpenDeliberation(r.deliberationId(), r.title(), r.body(), edge.occurredAt(r.occurredAt(), received)),
                request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + r.deliberationId()))
                .body(edge.readBack(shown, "/api/deliberations/" + r.deliberationId(), () -> current(r.deliberationId())));
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "RegisterParticipant")
    ResponseEntity<DeliberationDetail> register(@PathVariable String id, @Valid @RequestBody RegisterParticipantRequest r,
                                                HttpServletRequest request) {
        edge.access.requireAdmin();
        Instant received = edge.now();
        boolean shown = edge.record(new RegisterParticipant(id, r.participantId(), r.name(), r.role(), r.title(), r.affiliation(),
                Boolean.TRUE.equals(r.organisation()), edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id))
                .body(edge.readBack(shown, "/api/deliberations/" + id, () -> current(id)));
    }

    @PostMapping("/{id}/participants/{participantId}/aliases")
    @Operation(summary = "RegisterAlias: another name the participant goes by in tables and minutes ('TS')",
            description = "400 participant.alias-names-one when the alias already names another participant")
    ResponseEntity<DeliberationDetail> alias(@PathVariable String id, @PathVariable String participantId,
                                             @Valid @RequestBody AliasRequest r, HttpServletRequest request) {
        edge.access.requireSecretariat(id);
        Instant received = edge.now();
        boolean shown = edge.record(new RegisterAlias(id, participantId, r.alias().strip(),
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id))
                .body(edge.readBack(shown, "/api/deliberations/" + id, () -> current(id)));
    }

    @PostMapping("/{id}/meetings")
    @Operation(summary = "RecordMeeting")
    ResponseEntity<DeliberationDetail> meeting(@PathVariable String id, @Valid @RequestBody RecordMeetingRequest r,
                                               HttpServletRequest request) {
        edge.access.requireSecretariat(id);
        Instant received = edge.now();
        List<Material> materials = r.materials() == null ? List.of()
                : r.materials().stream().map(m -> new Material(m.number(), m.title())).toList();
        boolean shown = edge.record(new RecordMeeting(id, r.meetingId(), r.number(), r.title(), r.startsAt().toInstant(),
                r.endsAt() == null ? null : r.endsAt().toInstant(), r.venue(),
                r.attendeeIds() == null ? List.of() : r.attendeeIds(), materials,
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id))
                .body(edge.readBack(shown, "/api/deliberations/" + id, () -> current(id)));
    }

    @PostMapping("/{id}/drafts")
    @Operation(summary = "PublishDraft")
    ResponseEntity<List<VersionSummary>> publish(@PathVariable String id, @Valid @RequestBody PublishDraftRequest r,
                                                 HttpServletRequest request) {
        return publish(id, r, null, request);
    }

    @PostMapping(value = "/{id}/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "PublishDraft with its document",
            description = "Part `metadata`: the JSON body; part `file`: PDF, DOCX, Markdown or UTF-8 text.")
    ResponseEntity<List<VersionSummary>> publishWithDocument(@PathVariable String id,
                                                             @RequestPart("metadata") byte[] metadata,
                                                             @RequestPart(value = "file", required = false) MultipartFile file,
                                                             HttpServletRequest request) {
        return withDocument(id, metadata, PublishDraftRequest.class, file, request,
                (r, document) -> publish(id, r, document, request));
    }

    /**
     * A multipart draft or revision: who may publish is checked before the parts are read, the metadata as strictly
     * as the JSON body, and the file is held (not stored) until the command has been answered.
     */
    private <T, R> R withDocument(String id, byte[] metadata, Class<T> type, MultipartFile file,
                                  HttpServletRequest request, java.util.function.BiFunction<T, DraftDocument, R> then) {
        edge.access.requireSecretariat(id);
        T r = multipart.read(metadata, type, request);
        try (DraftUploads.Upload upload = uploads.stage(MultipartMetadata.requireFile(file))) {
            return then.apply(r, upload.document());
        }
    }

    private ResponseEntity<List<VersionSummary>> publish(String id, PublishDraftRequest r, DraftDocument document,
                                                         HttpServletRequest request) {
        edge.access.requireSecretariat(id);
        Instant received = edge.now();
        boolean shown = edge.record(new PublishDraft(id, r.version(), r.title(), r.materialNumber(), r.pageCount(),
                edge.occurredAt(r.occurredAt(), received), document), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id + "/versions")).body(edge.readBack(shown, "/api/deliberations/" + id + "/versions",
                () -> edge.queryList(new FindVersions(id, edge.current()), VersionSummary.class)));
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "CommitRevision", description = "Each fulfilment names a commitment by reference (#7.1) or id.")
    ResponseEntity<List<VersionSummary>> revise(@PathVariable String id, @Valid @RequestBody CommitRevisionRequest r,
                                                HttpServletRequest request) {
        return revise(id, r, null, request);
    }

    @PostMapping(value = "/{id}/revisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "CommitRevision with its document",
            description = "Part `metadata`: the JSON body; part `file`: PDF, DOCX, Markdown or UTF-8 text.")
    ResponseEntity<List<VersionSummary>> reviseWithDocument(@PathVariable String id,
                                                            @RequestPart("metadata") byte[] metadata,
                                                            @RequestPart(value = "file", required = false) MultipartFile file,
                                                            HttpServletRequest request) {
        return withDocument(id, metadata, CommitRevisionRequest.class, file, request,
                (r, document) -> revise(id, r, document, request));
    }

    private ResponseEntity<List<VersionSummary>> revise(String id, CommitRevisionRequest r, DraftDocument document,
                                                        HttpServletRequest request) {
        edge.access.requireSecretariat(id);
        Instant received = edge.now();
        List<Fulfilment> fulfils = r.fulfils() == null ? List.of() : r.fulfils().stream()
                .map(f -> new Fulfilment(null, commitmentId(id, f.commitment()),
                        new Location(f.page(), f.footnote(), f.section())))
                .toList();
        boolean shown = edge.record(new CommitRevision(id, r.version(), r.title(), r.materialNumber(), r.pageCount(), r.summary(),
                r.changes() == null ? List.of() : r.changes(), fulfils, r.committedBy(), Boolean.TRUE.equals(r.illustrative()),
                edge.occurredAt(r.occurredAt(), received), document,
                r.override() == null ? null : new ReadinessOverride(r.override().reason())), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id + "/versions")).body(edge.readBack(shown, "/api/deliberations/" + id + "/versions",
                () -> edge.queryList(new FindVersions(id, edge.current()), VersionSummary.class)));
    }

    private String commitmentId(String deliberationId, String commitment) {
        return edge.commitmentId(deliberationId, commitment);
    }

    @PostMapping("/{id}/visibility")
    @Operation(summary = "SetVisibility", description = "publiclyReadable=true lets anyone read the deliberation.")
    DeliberationDetail visibility(@PathVariable String id, @Valid @RequestBody VisibilityRequest r,
                                  HttpServletRequest request) {
        edge.access.requireSecretariat(id);
        Instant received = edge.now();
        boolean shown = edge.record(new SetVisibility(id, r.publiclyReadable(), edge.occurredAt(r.occurredAt(), received)), request);
        return edge.readBack(shown, "/api/deliberations/" + id, () -> current(id));
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "RaiseComment")
    ResponseEntity<CommentThread> raise(@PathVariable String id,
                                                             @Valid @RequestBody RaiseCommentRequest r,
                                                             HttpServletRequest request) {
        edge.access.requireActingAs(id, r.authorId());
        Instant received = edge.now();
        String commentId = r.commentId() != null ? r.commentId() : IdempotentRequest.newId();
        AnchorRequest a = r.anchor();
        Anchor anchor = a == null ? Anchor.NONE : a.toAnchor();
        boolean shown = edge.record(new RaiseComment(commentId, id, r.authorId(), r.draftVersion(), anchor, r.kind(), r.text(),
                r.meetingId(), edge.occurredAt(r.occurredAt(), received), r.proposedChange()), request);
        return ResponseEntity.created(URI.create("/api/comments/" + commentId))
                .body(edge.readBack(shown, "/api/comments/" + commentId,
                        () -> edge.query(new FindThread(commentId, edge.current()), CommentThread.class)));
    }

    @GetMapping("/{id}/comments")
    @Operation(summary = "Every comment with author, anchor, kind, status and reference")
    List<CommentSummary> comments(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return edge.queryList(new FindComments(id, edge.asOf(at, knownAt, afterEvent)), CommentSummary.class);
    }

    @GetMapping("/{id}/outstanding")
    @Operation(summary = "Unanswered comments and open commitments")
    Outstanding outstanding(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return edge.query(new FindOutstanding(id, edge.asOf(at, knownAt, afterEvent)), Outstanding.class);
    }

    @GetMapping("/{id}/answers")
    @Operation(summary = "Who answered what: by responder and by member")
    Answers answers(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return edge.query(new FindAnswers(id, edge.asOf(at, knownAt, afterEvent)), Answers.class);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Draft evolution: versions in order with what each fulfilled")
    List<VersionSummary> versions(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return edge.queryList(new FindVersions(id, edge.asOf(at, knownAt, afterEvent)), VersionSummary.class);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Every event in occurred order, in words",
            description = "With `after` (a log position; 0 to start): replay — the next `limit` events in recorded order.")
    List<TimelineEntry> timeline(@PathVariable String id, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) Long afterEvent,
                                 @RequestParam(required = false) Long after,
                                 @RequestParam(required = false) @Min(1) @Max(1000) Integer limit) {
        edge.access.requireRead(id);
        if (after != null && (after < 0 || after > edge.headPosition())) {
            throw new InvalidInput("after", "must be between 0 and the last event's position (" + edge.headPosition() + ")");
        }
        return edge.queryList(new FindTimeline(id, edge.asOf(at, knownAt, afterEvent), after, limit), TimelineEntry.class);
    }
}

package dev.shingi.deliberation.web;

import dev.shingi.deliberation.api.*;
import dev.shingi.deliberation.web.Requests.*;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/deliberations")
@Tag(name = "Deliberations", description = "Deliberations, participants, meetings, drafts, revisions and their read models")
class DeliberationController {

    private final Edge edge;

    DeliberationController(Edge edge) {
        this.edge = edge;
    }

    @GetMapping
    @Operation(summary = "Every deliberation with its counts")
    List<DeliberationSummary> list() {
        return edge.queryList(new FindDeliberations(), DeliberationSummary.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deliberation: counts, participants, meetings")
    DeliberationDetail get(@PathVariable String id) {
        return edge.query(new FindDeliberation(id), DeliberationDetail.class);
    }

    @PostMapping
    @Operation(summary = "OpenDeliberation")
    ResponseEntity<DeliberationDetail> open(@Valid @RequestBody OpenDeliberationRequest r, HttpServletRequest request) {
        Instant received = edge.now();
        edge.record(new OpenDeliberation(r.deliberationId(), r.title(), r.body(), edge.occurredAt(r.occurredAt(), received)),
                request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + r.deliberationId()))
                .body(get(r.deliberationId()));
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "RegisterParticipant")
    ResponseEntity<DeliberationDetail> register(@PathVariable String id, @Valid @RequestBody RegisterParticipantRequest r,
                                                HttpServletRequest request) {
        Instant received = edge.now();
        edge.record(new RegisterParticipant(id, r.participantId(), r.name(), r.role(), r.title(), r.affiliation(),
                Boolean.TRUE.equals(r.organisation()), edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id)).body(get(id));
    }

    @PostMapping("/{id}/meetings")
    @Operation(summary = "RecordMeeting")
    ResponseEntity<DeliberationDetail> meeting(@PathVariable String id, @Valid @RequestBody RecordMeetingRequest r,
                                               HttpServletRequest request) {
        Instant received = edge.now();
        List<Material> materials = r.materials() == null ? List.of()
                : r.materials().stream().map(m -> new Material(m.number(), m.title())).toList();
        edge.record(new RecordMeeting(id, r.meetingId(), r.number(), r.title(), r.startsAt().toInstant(),
                r.endsAt() == null ? null : r.endsAt().toInstant(), r.venue(),
                r.attendeeIds() == null ? List.of() : r.attendeeIds(), materials,
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id)).body(get(id));
    }

    @PostMapping("/{id}/drafts")
    @Operation(summary = "PublishDraft")
    ResponseEntity<List<VersionSummary>> publish(@PathVariable String id, @Valid @RequestBody PublishDraftRequest r,
                                                 HttpServletRequest request) {
        Instant received = edge.now();
        edge.record(new PublishDraft(id, r.version(), r.title(), r.materialNumber(), r.pageCount(),
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id + "/versions")).body(versions(id));
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "CommitRevision", description = "Each fulfilment names a commitment by reference (#7.1) or id.")
    ResponseEntity<List<VersionSummary>> revise(@PathVariable String id, @Valid @RequestBody CommitRevisionRequest r,
                                                HttpServletRequest request) {
        Instant received = edge.now();
        List<Fulfilment> fulfils = r.fulfils() == null ? List.of() : r.fulfils().stream()
                .map(f -> new Fulfilment(null, commitmentId(id, f.commitment()),
                        new Location(f.page(), f.footnote(), f.section())))
                .toList();
        edge.record(new CommitRevision(id, r.version(), r.title(), r.materialNumber(), r.pageCount(), r.summary(),
                r.changes() == null ? List.of() : r.changes(), fulfils, r.committedBy(), Boolean.TRUE.equals(r.illustrative()),
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + id + "/versions")).body(versions(id));
    }

    private String commitmentId(String deliberationId, String commitment) {
        return commitment.startsWith("#")
                ? edge.query(new ResolveCommitment(deliberationId, commitment), String.class)
                : commitment;
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "RaiseComment")
    ResponseEntity<CommentThread> raise(@PathVariable String id,
                                                             @Valid @RequestBody RaiseCommentRequest r,
                                                             HttpServletRequest request) {
        Instant received = edge.now();
        String commentId = r.commentId() != null ? r.commentId() : UUID.randomUUID().toString();
        AnchorRequest a = r.anchor();
        Anchor anchor = a == null ? Anchor.NONE
                : new Anchor(a.pageFrom(), a.pageTo() != null ? a.pageTo() : a.pageFrom(), a.footnote(), a.section(), a.quote());
        edge.record(new RaiseComment(commentId, id, r.authorId(), r.draftVersion(), anchor, r.kind(), r.text(),
                r.meetingId(), edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.created(URI.create("/api/comments/" + commentId))
                .body(edge.query(new FindThread(commentId), CommentThread.class));
    }

    @GetMapping("/{id}/comments")
    @Operation(summary = "Every comment with author, anchor, kind, status and reference")
    List<CommentSummary> comments(@PathVariable String id) {
        return edge.queryList(new FindComments(id), CommentSummary.class);
    }

    @GetMapping("/{id}/outstanding")
    @Operation(summary = "Unanswered comments and open commitments")
    Outstanding outstanding(@PathVariable String id) {
        return edge.query(new FindOutstanding(id), Outstanding.class);
    }

    @GetMapping("/{id}/answers")
    @Operation(summary = "Who answered what: by responder and by member")
    Answers answers(@PathVariable String id) {
        return edge.query(new FindAnswers(id), Answers.class);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Draft evolution: versions in order with what each fulfilled")
    List<VersionSummary> versions(@PathVariable String id) {
        return edge.queryList(new FindVersions(id), VersionSummary.class);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Every event in occurred order, in words")
    List<TimelineEntry> timeline(@PathVariable String id) {
        return edge.queryList(new FindTimeline(id), TimelineEntry.class);
    }
}

package dev.shingi.rest;

import dev.shingi.deliberation.api.*;
import dev.shingi.deliberation.api.CommentThread;
import dev.shingi.rest.Requests.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import dev.shingi.platform.IdempotentRequest;

@RestController
@Tag(name = "Comments", description = "A comment's thread, and everything done to a comment or its commitments")
class CommentController {

    private final Edge edge;

    CommentController(Edge edge) {
        this.edge = edge;
    }

    @GetMapping("/api/comments/{commentId}")
    @Operation(summary = "One comment's whole thread")
    CommentThread thread(@PathVariable String commentId, @RequestParam(required = false) String at,
                         @RequestParam(required = false) String knownAt, @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(edge.deliberationOf(commentId));
        return edge.query(new FindThread(commentId, edge.asOf(at, knownAt, afterEvent)), CommentThread.class);
    }

    private CommentThread thread(String commentId) {
        return edge.query(new FindThread(commentId, edge.current()), CommentThread.class);
    }

    @PostMapping("/api/comments/{commentId}/responses")
    @Operation(summary = "RespondToComment")
    ResponseEntity<CommentThread> respond(@PathVariable String commentId, @Valid @RequestBody RespondRequest r,
                                   HttpServletRequest request) {
        edge.access.requireSecretariat(edge.deliberationOf(commentId));
        Instant received = edge.now();
        List<NewCommitment> commitments = r.commitments() == null ? List.of() : r.commitments().stream()
                .map(c -> new NewCommitment(c.kind(), c.description(), c.ownerId(), c.dueDate())).toList();
        boolean shown = edge.record(new RespondToComment(commentId, r.responseId() != null ? r.responseId() : IdempotentRequest.newId(),
                r.responderId(), r.disposition(), r.text(), commitments, edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId)));
    }

    @PostMapping("/api/comments/{commentId}/acknowledgements")
    @Operation(summary = "AcknowledgeResponse", description = "Not satisfied reopens the comment.")
    ResponseEntity<CommentThread> acknowledge(@PathVariable String commentId, @Valid @RequestBody AcknowledgeRequest r,
                                       HttpServletRequest request) {
        edge.access.requireActingAs(edge.deliberationOf(commentId), r.participantId());
        Instant received = edge.now();
        boolean shown = edge.record(new AcknowledgeResponse(commentId, r.responseId(), r.participantId(), r.satisfied(), r.note(),
                edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId)));
    }

    @PostMapping("/api/comments/{commentId}/withdrawal")
    @Operation(summary = "WithdrawComment")
    CommentThread withdraw(@PathVariable String commentId, @Valid @RequestBody ParticipantActionRequest r,
                    HttpServletRequest request) {
        edge.access.requireActingAs(edge.deliberationOf(commentId), r.participantId());
        Instant received = edge.now();
        boolean shown = edge.record(new WithdrawComment(commentId, r.participantId(), r.reason(), edge.occurredAt(r.occurredAt(), received)),
                request);
        return edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId));
    }

    @PostMapping("/api/comments/{commentId}/reopening")
    @Operation(summary = "ReopenComment")
    CommentThread reopen(@PathVariable String commentId, @Valid @RequestBody ParticipantActionRequest r,
                  HttpServletRequest request) {
        edge.access.requireActingAs(edge.deliberationOf(commentId), r.participantId());
        Instant received = edge.now();
        boolean shown = edge.record(new ReopenComment(commentId, r.participantId(), r.reason(), edge.occurredAt(r.occurredAt(), received)),
                request);
        return edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId));
    }

    @PostMapping("/api/comments/{commentId}/corrections")
    @Operation(summary = "CorrectRecord", description = "Fixes a transcription error in the comment or one of its "
            + "responses. Reads known before the correction still show the old record.")
    ResponseEntity<CommentThread> correct(@PathVariable String commentId, @Valid @RequestBody CorrectRequest r,
                                          HttpServletRequest request) {
        edge.access.requireSecretariat(edge.deliberationOf(commentId));
        Instant received = edge.now();
        AnchorRequest a = r.anchor();
        Anchor anchor = a == null ? null : a.toAnchor();
        Instant recordOccurredAt = r.recordOccurredAt() == null ? null
                : edge.occurredAt("recordOccurredAt", r.recordOccurredAt(), received);
        boolean shown = edge.record(new CorrectRecord(commentId, r.responseId(), r.authorId(), anchor, r.kind(), r.disposition(), r.text(),
                recordOccurredAt, r.reason(), r.correctedBy(), edge.occurredAt(r.occurredAt(), received)), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId)));
    }

    @PostMapping("/api/commitments/{commitmentId}/conclusion")
    @Operation(summary = "ConcludeCommitment", description = "commitmentId is '{commentId}.{n}' as listed in outstanding.")
    CommentThread conclude(@PathVariable String commitmentId, @Valid @RequestBody ConcludeRequest r, HttpServletRequest request) {
        Instant received = edge.now();
        String commentId = commentOf(commitmentId);
        edge.access.requireSecretariat(edge.deliberationOf(commentId));
        boolean shown = edge.record(new ConcludeCommitment(commentId, commitmentId, r.participantId(), r.outcome(),
                edge.occurredAt(r.occurredAt(), received)), request);
        return edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId));
    }

    @PostMapping("/api/commitments/{commitmentId}/waiver")
    @Operation(summary = "WaiveCommitment")
    CommentThread waive(@PathVariable String commitmentId, @Valid @RequestBody WaiveRequest r, HttpServletRequest request) {
        Instant received = edge.now();
        String commentId = commentOf(commitmentId);
        edge.access.requireSecretariat(edge.deliberationOf(commentId));
        boolean shown = edge.record(new WaiveCommitment(commentId, commitmentId, r.participantId(), r.reason(),
                edge.occurredAt(r.occurredAt(), received)), request);
        return edge.readBack(shown, "/api/comments/" + commentId, () -> thread(commentId));
    }

    private static String commentOf(String commitmentId) {
        String commentId = Ids.commentIdOfCommitment(commitmentId);
        if (commentId == null) {
            throw new UnknownRecord("commitmentId", "No commitment '" + commitmentId + "'.");
        }
        return commentId;
    }
}

package dev.shingi.bench;

import dev.shingi.deliberation.api.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline: what "outstanding at (at, position)" costs without read models. The deliberation's log, read once
 * into memory, is folded from its first event up to {@code position} for every question: corrections known by then
 * amend their record, then every event whose (corrected) occurred time is at or before {@code at} is applied in log
 * order (the rule of docs/time.md, written here independently of the projection). Cost: O(position).
 */
final class NaiveFold {

    /** One stored event: its global position and payload. */
    record Logged(long position, DeliberationEvent event) {
    }

    /** Unanswered comments (ids) and open commitments (ids). */
    record Answer(Set<String> comments, Set<String> commitments) {
    }

    private final List<Logged> log;

    NaiveFold(List<Logged> log) {
        this.log = log;
    }

    private static final class State {
        boolean raised;
        boolean withdrawn;
        String currentResponse;
        CommentKind kind;
    }

    Answer outstanding(long at, long position) {
        int end = upTo(position);
        Map<String, CommentKind> kindFix = new HashMap<>();
        Map<String, Long> raisedFix = new HashMap<>();
        Map<String, Long> responseFix = new HashMap<>();
        for (int i = 0; i < end; i++) {
            if (log.get(i).event() instanceof RecordCorrected c && c.commentId() != null) {
                if (c.responseId() == null) {
                    if (c.kind() != null) kindFix.put(c.commentId(), c.kind());
                    if (c.recordOccurredAt() != null) raisedFix.put(c.commentId(), c.recordOccurredAt().toEpochMilli());
                } else if (c.recordOccurredAt() != null) {
                    responseFix.put(c.responseId(), c.recordOccurredAt().toEpochMilli());
                }
            }
        }
        Map<String, State> comments = new HashMap<>();
        Set<String> made = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (int i = 0; i < end; i++) {
            DeliberationEvent e = log.get(i).event();
            if (e instanceof CommentRaised r) {
                if (raisedFix.getOrDefault(r.commentId(), r.occurredAt().toEpochMilli()) <= at) {
                    State s = comments.computeIfAbsent(r.commentId(), k -> new State());
                    s.raised = true;
                    s.kind = kindFix.getOrDefault(r.commentId(), r.kind());
                }
            } else if (e instanceof CommentResponded r) {
                if (responseFix.getOrDefault(r.responseId(), r.occurredAt().toEpochMilli()) <= at) {
                    comments.computeIfAbsent(r.commentId(), k -> new State()).currentResponse = r.responseId();
                }
            } else if (e instanceof CommitmentMade m) {
                if (responseFix.getOrDefault(m.responseId(), m.occurredAt().toEpochMilli()) <= at) {
                    made.add(m.commitmentId());
                }
            } else if (e instanceof CommentReopened r) {
                if (r.occurredAt().toEpochMilli() <= at) {
                    comments.computeIfAbsent(r.commentId(), k -> new State()).currentResponse = null;
                }
            } else if (e instanceof CommentWithdrawn w) {
                if (w.occurredAt().toEpochMilli() <= at) {
                    comments.computeIfAbsent(w.commentId(), k -> new State()).withdrawn = true;
                }
            } else if (e instanceof CommitmentFulfilled f) {
                if (f.occurredAt().toEpochMilli() <= at && made.contains(f.commitmentId())) closed.add(f.commitmentId());
            } else if (e instanceof CommitmentConcluded c) {
                if (c.occurredAt().toEpochMilli() <= at && made.contains(c.commitmentId())) closed.add(c.commitmentId());
            } else if (e instanceof CommitmentWaived w) {
                if (w.occurredAt().toEpochMilli() <= at && made.contains(w.commitmentId())) closed.add(w.commitmentId());
            }
        }
        Set<String> unanswered = new TreeSet<>();
        comments.forEach((id, s) -> {
            if (s.raised && !s.withdrawn && s.currentResponse == null && s.kind.needsResponse()) {
                unanswered.add(id);
            }
        });
        Set<String> open = new TreeSet<>(made);
        open.removeAll(closed);
        return new Answer(unanswered, open);
    }

    /** How many logged events have a position at or below {@code position}. */
    private int upTo(long position) {
        int lo = 0;
        int hi = log.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (log.get(mid).position() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static List<Logged> sorted(List<Logged> log) {
        List<Logged> copy = new ArrayList<>(log);
        copy.sort((a, b) -> Long.compare(a.position(), b.position()));
        return copy;
    }
}

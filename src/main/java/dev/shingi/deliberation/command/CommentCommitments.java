package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.deliberation.api.NewCommitment;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commitments of one {@link Comment}, as its events left them: which are open, which are closed, how many were
 * made (their numbers go on from there). State only, written by the comment's event-sourcing handlers.
 */
final class CommentCommitments {

    record Open(String id, String reference, CommitmentKind kind, Instant madeAt) {
    }

    private final Map<String, Open> open = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private int made;

    /** Refuses a promised due date a calendar cannot hold ({@link Comment#EARLIEST_DUE} to {@link Comment#LATEST_DUE}). */
    static void requireDueDatesInRange(List<NewCommitment> promised) {
        for (int i = 0; i < promised.size(); i++) {
            LocalDate due = promised.get(i).dueDate();
            if (due != null && (due.isBefore(Comment.EARLIEST_DUE) || due.isAfter(Comment.LATEST_DUE))) {
                throw new InvalidField("commitments[" + i + "].dueDate", "commitment.due-date-range", "Due date "
                        + due + " is not a day between " + Comment.EARLIEST_DUE + " and " + Comment.LATEST_DUE + ".");
            }
        }
    }

    void made(String id, String reference, CommitmentKind kind, Instant at) {
        made++;
        open.put(id, new Open(id, reference, kind, at));
    }

    void closed(String id) {
        open.remove(id);
        closed.add(id);
    }

    /** How many commitments the comment has had: the next one is numbered after them. */
    int numberMade() {
        return made;
    }

    int openCount() {
        return open.size();
    }

    /** The open commitment {@code id}; refused if it is closed or the comment ({@code reference}) has none such. */
    Open requireOpen(String id, String reference) {
        Open found = open.get(id);
        if (found != null) {
            return found;
        }
        if (closed.contains(id)) {
            throw new RuleViolation("commitment.open-only",
                    "Commitment '" + id + "' is no longer open (fulfilled, concluded or waived).");
        }
        throw new UnknownRecord("commitmentId", "Comment " + reference + " has no commitment '" + id + "'.");
    }

    /** Open REVISE_DRAFT commitments made by {@code at} and not in {@code kept}, by id: what a revision leaves open. */
    List<Open> revisionsDueAndNotKept(Instant at, Set<String> kept) {
        return open.values().stream()
                .filter(c -> c.kind() == CommitmentKind.REVISE_DRAFT && !c.madeAt().isAfter(at) && !kept.contains(c.id()))
                .sorted(Comparator.comparing(Open::id))
                .toList();
    }
}

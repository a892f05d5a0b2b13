package dev.shingi.deliberation.api;

/**
 * Where the answer that made a commitment stands (docs/api.md, "When an answer is reopened"): a commitment of an
 * answer that was reopened, or answered again since, stays as it was — open until the secretariat concludes or waives
 * it, because it was promised — but it is shown as belonging to that earlier answer, never silently moved to the new
 * one or closed.
 */
public enum AnswerStanding {
    /** Its answer is the comment's current answer. */
    CURRENT,
    /** Its answer was reopened and the comment awaits a new one. */
    REOPENED,
    /** The comment was answered again since: its answer is superseded. */
    SUPERSEDED
}

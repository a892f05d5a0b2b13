/**
 * Comparing two versions' texts: what changed ({@link dev.shingi.drafttext.compare.Comparison#changes()}), where each
 * comment's passage went ({@link dev.shingi.drafttext.compare.Comparison#reanchor}), and which comments and
 * commitments produced each change ({@link dev.shingi.drafttext.compare.Comparison#provenance}). It reads and answers
 * only in {@code drafttext.api}'s records, so that the deliberation, the REST controllers and the pages can call it
 * with what they hold; it knows nothing of them. {@link dev.shingi.drafttext.compare.Comparison} is the one way in.
 */
package dev.shingi.drafttext.compare;

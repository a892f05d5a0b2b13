/**
 * The draft's own text: a version's document (PDF, DOCX, Markdown, plain text) read into pages of lines, kept by its
 * SHA-256, and compared between versions (what changed, where each comment's passage went, which comments produced
 * which change). {@code api} is its contract; the other subpackages are its rooms.
 */
package dev.shingi.drafttext;

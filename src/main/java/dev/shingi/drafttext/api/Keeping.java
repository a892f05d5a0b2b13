package dev.shingi.drafttext.api;

/**
 * A commitment the later version says it keeps, and where (a revision's fulfilment, as the provenance reads it):
 * the commitment and its comment, by id and reference (#7.1, #7), and the location given (each part optional).
 */
public record Keeping(String commitmentId, String commitmentReference, String commentId, String commentReference,
                      Integer page, String footnote, String section) {
}

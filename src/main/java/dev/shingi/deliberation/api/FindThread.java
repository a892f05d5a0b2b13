package dev.shingi.deliberation.api;

/** One comment's whole thread; answered with {@link CommentThread}. */
public record FindThread(String commentId, AsOf asOf) {
}

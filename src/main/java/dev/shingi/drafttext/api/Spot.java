package dev.shingi.drafttext.api;

/** A place in a version's text: page and line (1-based), and the passage found there when there is one. */
public record Spot(Integer page, Integer line, String quote) {
}

package dev.shingi.drafttext.api;

/** Where a passage starts in a version's text: page and line as a reader counts them, both from 1. */
public record TextPosition(int page, int line) {
}

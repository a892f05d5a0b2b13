package dev.shingi.deliberation.api;

/** A meeting material (配布資料), e.g. number "資料10-1". */
public record Material(String number, String title) {
}

package dev.shingi.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The time slider of a page. Its notches are the moments when something happened in the deliberation (a comment, an
 * answer, a meeting, a version), from before it opened to now, so that each step of the slider changes what the page
 * shows; any other instant can be typed in. Landmarks (meetings, versions) are links.
 *
 * @param notches instants on the occurred clock, ascending; the first is before anything happened, the last is now
 * @param marks   landmarks, each a message key with one argument and its instant
 * @param keep    other query parameters of the page (filters) that survive a move
 */
public record Slider(List<Instant> notches, List<Mark> marks, Map<String, String> keep) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public record Mark(String key, Object arg, Instant at) {
    }

    /** The notch showing {@code at}: the last one at or before it. */
    public int notchOf(Instant at) {
        int found = 0;
        for (int i = 0; i < notches.size(); i++) {
            if (!notches.get(i).isAfter(at)) {
                found = i;
            }
        }
        return found;
    }

    /** The notches as datetime-local values, comma-separated, for the script that moves the slider. */
    public String localTimes(ZoneId zone) {
        return notches.stream().map(t -> t.atZone(zone).format(LOCAL)).collect(Collectors.joining(","));
    }
}

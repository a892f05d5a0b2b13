package dev.shingi.transfer.reports;

import dev.shingi.edge.InvalidInput;
import org.springframework.http.MediaType;

import java.util.Locale;

/** The formats of the disposition report, by {@code format} or, failing that, by the Accept header. */
enum Format {
    HTML("text/html", "html"), CSV("text/csv", "csv"), MD("text/markdown", "md");

    final MediaType type;
    final String extension;

    Format(String type, String extension) {
        this.type = MediaType.parseMediaType(type + ";charset=UTF-8");
        this.extension = extension;
    }

    /**
     * {@code format} when given (html|csv|md|markdown, else 400); else the first of text/html, text/csv,
     * text/markdown that the Accept header names, in its order of preference; else HTML (a browser's default).
     */
    static Format of(String format, String accept) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "html" -> HTML;
                case "csv" -> CSV;
                case "md", "markdown" -> MD;
                default -> throw new InvalidInput("format", "'" + format + "' is not a report format; use html, csv or md");
            };
        }
        if (accept != null) {
            try {
                var types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
                types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable
                for (MediaType t : types) {
                    for (Format f : values()) {
                        if (t.getQualityValue() > 0 && !t.isWildcardSubtype()
                                && t.getType().equals(f.type.getType()) && t.getSubtype().equals(f.type.getSubtype())) {
                            return f;
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return HTML;
            }
        }
        return HTML;
    }
}

package dev.shingi.deliberation.api;

import java.util.List;
import java.util.Map;

/**
 * Where an imported comment came from, as the table gave it: the file's name, its row (1-based, as a spreadsheet
 * numbers rows), the table's own item number or comment id, the row's date as written, links in the row, and any
 * columns Shingi has no field for (column heading → cell). Every part may be null or empty.
 */
public record CommentSource(String file, Integer row, String item, String date, List<String> links,
                            Map<String, String> extra) {
    public CommentSource {
        links = links == null ? List.of() : List.copyOf(links);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}

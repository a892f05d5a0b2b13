package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Material;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 配布資料 item: 「資料10-1 『…』（案）」 per material, a title running on over the following lines. */
final class MaterialReader {
    private static final Pattern MATERIAL = Pattern.compile(
            "^((?:参考)?資料)\\s?([0-9A-Za-z]+(?:\\s?[-‐―ー–]\\s?[0-9A-Za-z]+)*)\\s?(.*)$");

    private MaterialReader() {
    }

    static List<Material> read(List<Line> item, List<Uncertain> flags) {
        List<Material> out = new ArrayList<>();
        String number = null;
        StringBuilder title = new StringBuilder();
        for (Line l : item) {
            Matcher m = MATERIAL.matcher(l.text());
            if (m.matches()) {
                add(number, title, out);
                number = m.group(1) + m.group(2).replaceAll("\\s", "").replaceAll("[‐―ー–]", "-");
                title.setLength(0);
                title.append(m.group(3));
            } else if (number != null) {
                title.append(l.text());
            } else {
                flags.add(Uncertain.of(List.of(l.number(), l.number()), "line in 配布資料 is no material (資料N-M …)",
                        "material-unreadable"));
            }
        }
        add(number, title, out);
        return out;
    }

    private static void add(String number, StringBuilder title, List<Material> out) {
        if (number != null) {
            String t = title.toString().replace("『", "").replace("』", "").strip();
            out.add(new Material(number, t.isEmpty() ? null : t));
        }
    }
}

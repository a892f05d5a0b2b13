package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Disposition;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a table disposes of a comment with, read as the ledger's {@link Disposition}: the ISO/IEC template's
 * (accepted, accepted in principle, rejected, noted), a resolution log's (completed, no change required, TC agrees), the
 * Japanese 「ご意見と考え方」's (反映, 不採用, 修正不要, 参考, 検討), and the ledger's own names, which its export writes
 * ("ACCEPTED: …"). The words are read from the start of the cell; anything else is not guessed: it is kept as text,
 * the disposition is left to the secretariat and the row is flagged (docs/reports.md).
 */
final class Dispositions {
    /** Longest first, so that "accepted in principle" is not read as "accepted" and "not accepted" not as it either. */
    private static final List<Map.Entry<String, Disposition>> WORDS = List.of(
            Map.entry("accepted in principle", Disposition.ACCEPTED),
            Map.entry("accepted with modifications", Disposition.ACCEPTED),
            Map.entry("accepted with modification", Disposition.ACCEPTED),
            Map.entry("partially accepted", Disposition.ACCEPTED),
            Map.entry("not accepted", Disposition.DECLINED),
            Map.entry("no change required", Disposition.ANSWERED),
            Map.entry("no change needed", Disposition.ANSWERED),
            Map.entry("no change", Disposition.ANSWERED),
            Map.entry("under consideration", Disposition.CONSIDERING),
            Map.entry("considering", Disposition.CONSIDERING),
            Map.entry("deferred", Disposition.CONSIDERING),
            Map.entry("accepted", Disposition.ACCEPTED),
            Map.entry("accept", Disposition.ACCEPTED),
            Map.entry("completed", Disposition.ACCEPTED),
            Map.entry("tc agrees", Disposition.ACCEPTED),
            Map.entry("agreed", Disposition.ACCEPTED),
            Map.entry("rejected", Disposition.DECLINED),
            Map.entry("reject", Disposition.DECLINED),
            Map.entry("declined", Disposition.DECLINED),
            Map.entry("answered", Disposition.ANSWERED),
            Map.entry("noted", Disposition.NOTED),
            Map.entry("不採用", Disposition.DECLINED),
            Map.entry("反映しない", Disposition.DECLINED),
            Map.entry("修正不要", Disposition.ANSWERED),
            Map.entry("原案どおり", Disposition.ANSWERED),
            Map.entry("原案のとおり", Disposition.ANSWERED),
            Map.entry("採用", Disposition.ACCEPTED),
            Map.entry("反映", Disposition.ACCEPTED),
            Map.entry("参考", Disposition.NOTED),
            Map.entry("検討", Disposition.CONSIDERING));

    private Dispositions() {
    }

    /** The disposition the cell starts with, if it says one. */
    static Optional<Disposition> read(String cell) {
        String s = normal(cell);
        for (Disposition d : Disposition.values()) {
            if (s.equals(d.name().toLowerCase(Locale.ROOT)) || s.startsWith(d.name().toLowerCase(Locale.ROOT) + ":")) {
                return Optional.of(d);
            }
        }
        for (Map.Entry<String, Disposition> w : WORDS) {
            String k = w.getKey();
            boolean latin = k.charAt(0) < 0x80;
            if (s.startsWith(k) && (!latin || s.length() == k.length() || !Character.isLetter(s.charAt(k.length())))) {
                return Optional.of(w.getValue());
            }
        }
        // "Answered via email. No change required.": the words may follow a first sentence
        for (String sentence : s.split("[.。;]\\s*")) {
            if (!sentence.equals(s)) {
                Optional<Disposition> d = read(sentence);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the cell is nothing but disposition words ("Completed", "No change required.", "ACCEPTED"). */
    static boolean onlyWords(String cell) {
        String s = normal(cell).replaceAll("[.。!]+$", "");
        return WORDS.stream().anyMatch(w -> w.getKey().equals(s))
                || java.util.Arrays.stream(Disposition.values()).anyMatch(d -> d.name().toLowerCase(Locale.ROOT).equals(s));
    }

    /** The text after the ledger's own "ACCEPTED: " prefix, as its export writes it; else the cell as it is. */
    static String withoutOwnPrefix(String cell) {
        for (Disposition d : Disposition.values()) {
            if (cell.startsWith(d.name() + ": ")) {
                return cell.substring(d.name().length() + 2);
            }
        }
        return cell;
    }

    private static String normal(String cell) {
        return Normalizer.normalize(cell == null ? "" : cell, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}

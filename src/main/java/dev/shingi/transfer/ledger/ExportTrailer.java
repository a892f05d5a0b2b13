package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.integrity.EventSignature;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed trailer of an export (docs/backup.md): the end line also counts the lines before it, carries their
 * running hash ({@code head}: SHA-256 over each line's SHA-256, in order) and each line's fingerprint (the first 8 hex
 * digits of its SHA-256), and is signed with the installation's integrity key. An import checks every line against it,
 * so a file truncated, reordered, edited, spliced, with lines repeated or a thread dropped, is refused at the first
 * line that is not the exported one; a trailer removed or forged is refused at the end line.
 */
final class ExportTrailer {
    static final String LINES = "lines";
    static final String HEAD = "head";
    static final String FINGERPRINTS = "fingerprints";
    static final String SIGNATURE = "signature";
    static final int FINGERPRINT = 8;
    static final String GENESIS = "0".repeat(64);

    private ExportTrailer() {
    }

    /** The running hash of lines and their fingerprints. */
    static final class Digest {
        private final MessageDigest line = sha256();
        private final MessageDigest chain = sha256();
        private byte[] head = new byte[32];
        private final StringBuilder fingerprints = new StringBuilder();
        private long lines;

        void update(byte[] bytes, int from, int length) {
            line.update(bytes, from, length);
        }

        /** Ends the current line; returns its fingerprint. */
        String endLine() {
            byte[] d = line.digest();
            chain.update(head);
            chain.update(d);
            head = chain.digest();
            lines++;
            String fp = HexFormat.of().formatHex(d, 0, FINGERPRINT / 2);
            fingerprints.append(fp);
            return fp;
        }

        String line(byte[] bytes) {
            update(bytes, 0, bytes.length);
            return endLine();
        }

        long lines() {
            return lines;
        }

        String head() {
            return lines == 0 ? GENESIS : HexFormat.of().formatHex(head);
        }

        String fingerprints() {
            return fingerprints.toString();
        }
    }

    static String signed(long events, long lines, String head, String fingerprints) {
        return String.join("\u0000", "shingi-ledger-trailer", Long.toString(events), Long.toString(lines), head,
                fingerprints);
    }

    /** The export's stream: every line written through it is digested, up to the trailer, which is written past it. */
    static final class Out extends FilterOutputStream {
        private final Digest digest = new Digest();
        private final OutputStream raw;

        Out(OutputStream out) {
            super(out);
            this.raw = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    digest.update(b, from, i - from);
                    digest.endLine();
                    from = i + 1;
                }
            }
            digest.update(b, from, off + len - from);
            raw.write(b, off, len);
        }

        /** The end line's fields for {@code events} event lines, signed. */
        Map<String, Object> trailer(long events, EventSignature signature) {
            Map<String, Object> end = new LinkedHashMap<>();
            end.put(LedgerFormat.END, LedgerFormat.FORMAT);
            end.put(LedgerFormat.H_EVENTS, events);
            end.put(LINES, digest.lines());
            end.put(HEAD, digest.head());
            end.put(FINGERPRINTS, digest.fingerprints());
            end.put(SIGNATURE, signature.sign(signed(events, digest.lines(), digest.head(), digest.fingerprints())));
            return end;
        }
    }

    /** What a file's last line says, when it is a trailer: read before the file, to check each line as it comes. */
    record Expected(long events, long lines, String head, String fingerprints, String signature) {
        /** The fingerprint the export gave line {@code n} (from 1), or null past its lines. */
        String fingerprint(long n) {
            long at = (n - 1) * FINGERPRINT;
            return n < 1 || at + FINGERPRINT > fingerprints.length() ? null
                    : fingerprints.substring((int) at, (int) at + FINGERPRINT);
        }

        /** The line of the export with this fingerprint, from {@code near} on first, or 0. */
        long lineOf(String fingerprint, long near) {
            for (long n = Math.max(1, near); n <= lines; n++) {
                if (fingerprint.equals(fingerprint(n))) {
                    return n;
                }
            }
            for (long n = 1; n < near && n <= lines; n++) {
                if (fingerprint.equals(fingerprint(n))) {
                    return n;
                }
            }
            return 0;
        }
    }

    /** The file's last line as a trailer, or null when it is none (the import then refuses where it notices). */
    static Expected read(Path file, int maxLine) throws IOException {
        byte[] last = lastLine(file, maxLine);
        return last == null ? null : parse(last);
    }

    /** A line as a trailer, or null when it is not a whole one. */
    static Expected parse(byte[] line) {
        try {
            JsonNode n = new ObjectMapper().readTree(line);
            if (n == null || !n.isObject() || !LedgerFormat.FORMAT.equals(n.path(LedgerFormat.END).asText(null))
                    || !n.path(LedgerFormat.H_EVENTS).isIntegralNumber() || !n.path(LINES).isIntegralNumber()
                    || !n.path(HEAD).isTextual() || !n.path(FINGERPRINTS).isTextual() || !n.path(SIGNATURE).isTextual()
                    || n.path(FINGERPRINTS).asText().length() != n.path(LINES).asLong() * FINGERPRINT) {
                return null;
            }
            return new Expected(n.get(LedgerFormat.H_EVENTS).asLong(), n.get(LINES).asLong(), n.get(HEAD).asText(),
                    n.get(FINGERPRINTS).asText(), n.get(SIGNATURE).asText());
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] lastLine(Path file, int maxLine) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long end = f.length();
            while (end > 0 && isBreak(f, end - 1)) {
                end--;
            }
            if (end == 0) {
                return null;
            }
            long start = end;
            byte[] block = new byte[1 << 16];
            while (start > 0 && end - start <= maxLine) {
                int n = (int) Math.min(block.length, start);
                f.seek(start - n);
                f.readFully(block, 0, n);
                int i = n - 1;
                while (i >= 0 && block[i] != '\n') {
                    i--;
                }
                if (i >= 0) {
                    start = start - n + i + 1;
                    break;
                }
                start -= n;
            }
            if (end - start > maxLine) {
                return null;
            }
            byte[] line = new byte[(int) (end - start)];
            f.seek(start);
            f.readFully(line);
            return line;
        }
    }

    private static boolean isBreak(RandomAccessFile f, long at) throws IOException {
        f.seek(at);
        int b = f.read();
        return b == '\n' || b == '\r';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

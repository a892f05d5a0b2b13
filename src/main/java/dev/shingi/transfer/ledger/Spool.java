package dev.shingi.transfer.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** For the HTTP edge: an import's body copied to a temporary file, refusing more than a limit. */
final class Spool {
    private Spool() {
    }

    static Path spool(InputStream body, long limit) throws IOException {
        Path file = Files.createTempFile("shingi-import-", ".jsonl");
        try (var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    static final class TooLarge extends RuntimeException {
        final long limit;

        TooLarge(long limit) {
            super("The import is over " + limit + " bytes (shingi.transfer.max-import-size).");
            this.limit = limit;
        }
    }
}

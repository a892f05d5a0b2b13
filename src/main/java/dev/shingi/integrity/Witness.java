package dev.shingi.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes each checkpoint's signed head outside the database, as Certificate Transparency's logs publish signed
 * tree heads: a line appended to {@value #FILE} in {@code shingi.integrity.witness-dir}, and/or the same line POSTed
 * to {@code shingi.integrity.witness-url}. Whoever can rewrite the database cannot take back what was published, so
 * verify, which checks the log against the latest published head, catches a log cut back to an earlier checkpoint.
 */
@Component
class Witness {
    private static final Logger log = LoggerFactory.getLogger(Witness.class);
    static final String FILE = "witness.jsonl";

    /** One published head: checkpoint {@code checkpoint} covered {@code logLength} events whose running hash is {@code logHead}. */
    record Head(long checkpoint, long upToPosition, long logLength, String logHead, String hash, String at) {
        String signed() {
            return String.join("\u0000", "shingi-witness", Long.toString(checkpoint), Long.toString(upToPosition),
                    Long.toString(logLength), logHead, hash, at);
        }
    }

    /** A published line that is not a head this installation signed: its line number in the file and why. */
    record BadLine(long line, String reason) {
    }

    /** What the witness file holds: the latest head (by checkpoint) and the lines that do not verify. */
    record Published(Path file, Optional<Head> latest, List<BadLine> bad, long lines) {
    }

    private final Chain chain;
    private final Path dir;
    private final URI url;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Witness(@Value("${shingi.integrity.key}") String key, @Value("${shingi.integrity.witness-dir:}") String dir,
            @Value("${shingi.integrity.witness-url:}") String url) {
        this.chain = new Chain(key);
        this.dir = dir == null || dir.isBlank() ? null : Path.of(dir);
        this.url = url == null || url.isBlank() ? null : URI.create(url);
    }

    boolean configured() {
        return dir != null || url != null;
    }

    /** Appends the head to the witness file (written through to the disk) and sends it to the URL, if configured. */
    synchronized void publish(Head head) {
        if (!configured()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("checkpoint", head.checkpoint());
        line.put("upToPosition", head.upToPosition());
        line.put("logLength", head.logLength());
        line.put("logHead", head.logHead());
        line.put("hash", head.hash());
        line.put("at", head.at());
        line.put("signature", chain.mac(head.signed()));
        byte[] bytes;
        try {
            bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                try (FileChannel out = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    out.write(ByteBuffer.wrap(bytes));
                    out.force(true);
                }
            } catch (IOException e) {
                log.error("Checkpoint #{} could not be published to the witness file in {}", head.checkpoint(), dir, e);
            }
        }
        if (url != null) {
            http.sendAsync(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() >= 300) {
                            log.error("Checkpoint #{} could not be published to {}: {}", head.checkpoint(), url,
                                    e != null ? e.toString() : "HTTP " + r.statusCode());
                        }
                    });
        }
    }

    /** The witness file read back, every line's signature checked; empty when no witness directory is configured. */
    Optional<Published> published() {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.of(new Published(file, Optional.empty(), List.of(), 0));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Head latest = null;
        List<BadLine> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(lines.get(i));
                Head h = new Head(n.get("checkpoint").asLong(), n.get("upToPosition").asLong(),
                        n.get("logLength").asLong(), n.get("logHead").asText(), n.get("hash").asText(),
                        n.get("at").asText());
                if (!chain.mac(h.signed()).equals(n.path("signature").asText())) {
                    bad.add(new BadLine(i + 1, "its signature is not this installation's"));
                } else if (latest == null || h.checkpoint() >= latest.checkpoint()) {
                    latest = h;
                }
            } catch (IOException | RuntimeException e) {
                bad.add(new BadLine(i + 1, "not a witness line"));
            }
        }
        return Optional.of(new Published(file, Optional.ofNullable(latest), bad, lines.size()));
    }
}

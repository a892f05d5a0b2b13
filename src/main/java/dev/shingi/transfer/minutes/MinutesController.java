package dev.shingi.transfer.minutes;

import dev.shingi.edge.ProblemHandler;
import dev.shingi.edge.RequestMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Summary minutes in: {@code preview} reads the text and proposes records, storing nothing; {@code import} records
 * a confirmed (possibly edited) proposal. docs/import-minutes.md.
 */
@RestController
@RequestMapping("/api/import/minutes")
@Tag(name = "Import", description = "Summary minutes (議事要旨) in: a proposal to review, then the records")
class MinutesController {
    private final MinutesParser parser = new MinutesParser();
    private final MinutesImporter importer;
    private final RequestMetadata metadata;

    private final People people;

    MinutesController(MinutesImporter importer, RequestMetadata metadata, People people) {
        this.importer = importer;
        this.metadata = metadata;
        this.people = people;
    }

    @PostMapping(path = "/preview", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Propose records from the plain text of summary minutes (UTF-8); nothing is stored")
    MinutesProposal preview(@RequestBody(required = false) byte[] body,
                            @RequestHeader(value = "Content-Type", required = false) String contentType,
                            @RequestParam(required = false) String deliberationId) throws HttpMediaTypeNotSupportedException {
        importer.requirePreview(deliberationId);
        return People.matched(parser.parse(decode(body, contentType)), people.known(deliberationId));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a confirmed proposal with the ordinary commands (all or nothing is checked first)")
    ResponseEntity<MinutesImporter.Imported> record(@RequestBody MinutesImporter.ImportRequest r, HttpServletRequest request) {
        MinutesImporter.Imported done = importer.record(r, metadata.of(request));
        return ResponseEntity.created(URI.create("/api/deliberations/" + done.deliberationId())).body(done);
    }

    /** UTF-8 only: a declared other charset is a 415; bytes that are not UTF-8 (Shift_JIS, say) are a 400. */
    static String decode(byte[] body, String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type = contentType == null ? MediaType.TEXT_PLAIN : MediaType.parseMediaType(contentType);
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(new MediaType("text", "plain", StandardCharsets.UTF_8)));
        }
        if (body == null || body.length == 0) {
            throw new NotReadable("empty-body", "The body is empty: send the plain text of the minutes.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new NotReadable("not-utf-8", "The body is not UTF-8 (Shift_JIS or another encoding sent as UTF-8?). "
                    + "Convert it to UTF-8, e.g. iconv -f SHIFT_JIS -t UTF-8, and send it again.");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            throw new NotReadable("not-utf-8", "The text holds U+FFFD replacement characters: it was decoded with the "
                    + "wrong encoding before it was sent (Shift_JIS read as UTF-8?). Send the original bytes as UTF-8.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new NotReadable("empty-body", "The body holds only white space: send the plain text of the minutes.");
        }
        return text;
    }

    /** A body that cannot be read as minutes; answered 400. */
    static final class NotReadable extends RuntimeException {
        final String type;

        NotReadable(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    @ExceptionHandler(NotReadable.class)
    ResponseEntity<ProblemDetail> notReadable(NotReadable e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.BAD_REQUEST, e.type, "Minutes not readable", e.getMessage());
        p.setProperty("errors", List.of(MinutesImporter.Problem.of("body", e.type, e.getMessage())));
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(MinutesImporter.Refused.class)
    ResponseEntity<ProblemDetail> refused(MinutesImporter.Refused e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-proposal", "Proposal refused",
                e.getMessage() + ": " + String.join("; ", e.problems().stream().map(x -> x.field() + ": " + x.message()).toList()));
        p.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(p);
    }
}

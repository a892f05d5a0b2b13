package dev.shingi.edge;

import dev.shingi.platform.Idempotency;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.UnresolvedItems;
import dev.shingi.drafttext.api.RefusedDocument;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 7807 problem detail naming the field or the rule: 400 for malformed or invalid input, 404 for
 * unknown ids, 409 for a broken rule or a lost race. A client's mistake is never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final String TYPE_BASE = "https://shingi.dev/problems/";

    record FieldError(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage())).toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = ex.getCause();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodySizeFilter.TooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "body-too-large", "Request body too large", "The request body is over the limit."));
            }
        }
        ProblemDetail p;
        String duplicate = BodyErrors.duplicateKey(cause);
        if (cause instanceof StrictUtf8Body.NotUtf8 notUtf8) {
            p = problem(HttpStatus.BAD_REQUEST, "not-utf-8", "Request body not UTF-8", notUtf8.getMessage());
            p.setProperty("errors", List.of(new FieldError("body", "not UTF-8")));
        } else if (duplicate != null) {
            // STRICT_DUPLICATE_DETECTION (JsonConfig): "Duplicate field 'text'", at the key's place in the body
            String message = "given twice; each key is given once, which one was meant cannot be guessed";
            p = problem(HttpStatus.BAD_REQUEST, "duplicate-key", "Key given twice", duplicate + ": " + message);
            p.setProperty("errors", List.of(new FieldError(duplicate, message)));
        } else if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = path(jme);
            String message;
            if (cause instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (cause instanceof InvalidFormatException ife && ife.getTargetType().isEnum()) {
                message = "'" + ife.getValue() + "' is not a " + ife.getTargetType().getSimpleName() + "; use one of "
                        + valuesOf(ife.getTargetType());
            } else if (cause instanceof InvalidFormatException ife) {
                message = "cannot read '" + ife.getValue() + "' as " + ife.getTargetType().getSimpleName()
                        + (ife.getTargetType().getSimpleName().contains("Time") ? " (ISO-8601 with an offset, e.g. 2024-06-24T14:00+09:00)" : "");
            } else if (cause instanceof MismatchedInputException mie) {
                message = "wrong type, expected " + (mie.getTargetType() == null ? "another type" : mie.getTargetType().getSimpleName());
            } else {
                message = "unreadable value";
            }
            p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + message);
            p.setProperty("errors", List.of(new FieldError(field, message)));
        } else {
            String message = "not valid JSON for this endpoint" + BodyErrors.where(cause);
            p = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", "body: " + message);
            p.setProperty("errors", List.of(new FieldError("body", message)));
        }
        return ResponseEntity.badRequest().body(p);
    }

    /** Spring MVC's own 400s (a parameter, part or header missing or unreadable) name what they are about too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception ex, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, status, request);
        if (status.value() == 400 && answer != null && answer.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("errors"))) {
            List<String> named = named(ex);
            if (!named.isEmpty()) {
                p.setProperty("errors", named.stream().map(n -> new FieldError(n, p.getDetail())).toList());
            }
        }
        return answer;
    }

    private static List<String> named(Exception ex) {
        if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            return List.of(m.getParameterName());
        }
        if (ex instanceof org.springframework.web.multipart.support.MissingServletRequestPartException m) {
            return List.of(m.getRequestPartName());
        }
        if (ex instanceof org.springframework.web.bind.MissingRequestHeaderException m) {
            return List.of(m.getHeaderName());
        }
        if (ex instanceof org.springframework.web.bind.MissingPathVariableException m) {
            return List.of(m.getVariableName());
        }
        if (ex instanceof org.springframework.beans.TypeMismatchException m && m.getPropertyName() != null) {
            return List.of(m.getPropertyName());
        }
        if (ex instanceof org.springframework.web.method.annotation.HandlerMethodValidationException m) {
            return m.getParameterValidationResults().stream()
                    .map(r -> r.getMethodParameter().getParameterName()).filter(java.util.Objects::nonNull).distinct().toList();
        }
        return List.of();
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                // a key that is the empty string is named as written: ""
                s.append(s.isEmpty() ? "" : ".").append(r.getFieldName().isEmpty() ? "\"\"" : r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** Not a problem: the write is stored; 202 with where to read it once the views show it. */
    @ExceptionHandler(RecordedNotShown.class)
    ResponseEntity<Map<String, Object>> recordedNotShown(RecordedNotShown e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.ACCEPTED.value());
        body.put("recorded", true);
        body.put("detail", e.getMessage());
        body.put("location", e.location());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(e.location()))
                .header(HttpHeaders.RETRY_AFTER, e.rebuilding() ? "30" : "1").body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "'" + e.getValue() + "' is not a " + type.getSimpleName() + "; use one of " + valuesOf(type)
                : "cannot read '" + e.getValue() + "'";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getName() + ": " + message);
        p.setProperty("errors", List.of(new FieldError(e.getName(), message)));
        return p;
    }

    /** An enum's values as a client sends them: {@code CHANGE_REQUEST, QUESTION, …}. */
    static String valuesOf(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(v -> ((Enum<?>) v).name())
                .collect(Collectors.joining(", "));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                errors.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")));
        p.setProperty("errors", errors);
        return p;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Axon may hand a handler's exception back wrapped; the domain's own exception decides the answer. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception e) throws Exception {
        if (e instanceof org.springframework.web.multipart.MultipartException multipart
                && !(e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)) {
            // a multipart body without its boundary, cut short, or with parts that cannot be read: the client's
            ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
                    "body: the multipart body could not be read ("
                            + multipart.getMostSpecificCause().getMessage() + ")");
            p.setProperty("errors", List.of(new FieldError("body", "malformed multipart/form-data")));
            return ResponseEntity.badRequest().body(p);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.security.core.AuthenticationException) {
                ProblemDetail p = problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in required", t.getMessage());
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Basic realm=\"shingi\"").body(p);
            }
            if (t instanceof org.springframework.security.access.AccessDeniedException) {
                ProblemDetail p = problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", t.getMessage());
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
            }
            if (t instanceof RuleViolation rule) {
                ProblemDetail p = problem(HttpStatus.CONFLICT, "rule-broken", "A rule of the deliberation forbids this",
                        rule.getMessage());
                p.setProperty("rule", rule.rule());
                if (rule instanceof UnresolvedItems unresolved) {
                    p.setProperty("items", unresolved.items());
                }
                return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
            if (t instanceof InvalidField invalid) {
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        invalid.field() + ": " + invalid.getMessage());
                p.setProperty("rule", invalid.rule());
                p.setProperty("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())));
                return ResponseEntity.badRequest().body(p);
            }
            if (t instanceof RefusedDocument refused) {
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-document", "File refused",
                        "file: " + refused.getMessage());
                p.setProperty("rule", refused.rule());
                p.setProperty("errors", List.of(new FieldError("file", refused.getMessage())));
                return ResponseEntity.badRequest().body(p);
            }
            if (t instanceof UnknownRecord unknown) {
                ProblemDetail p = problem(HttpStatus.NOT_FOUND, "unknown-record", "Not found", unknown.getMessage());
                p.setProperty("field", unknown.field());
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
            }
            if (t instanceof AggregateNotFoundException notFound) {
                ProblemDetail p = problem(HttpStatus.NOT_FOUND, "unknown-record", "Not found",
                        "No record '" + notFound.getAggregateIdentifier() + "'.");
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
            }
            if (t instanceof org.springframework.dao.DuplicateKeyException && String.valueOf(t.getMessage()).toLowerCase().contains("idempotency_key")) {
                ProblemDetail p = problem(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Same key in flight",
                        "Another request with this Idempotency-Key was stored first; nothing new was stored.");
                return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
            if (t instanceof AggregateStreamCreationException) {
                ProblemDetail p = problem(HttpStatus.CONFLICT, "id-taken", "Id already taken",
                        "A record with this id already exists. Nothing was stored; choose another id.");
                p.setProperty("rule", "ledger.id-once");
                return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
            if (t instanceof ConcurrencyException) {
                ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Conflicting write",
                        "Another change to the same record was stored first, or the id is already taken. "
                                + "Nothing was stored; read the record again and retry.");
                p.setProperty("rule", "ledger.one-writer-per-record");
                return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
            if (t instanceof InvalidInput invalid) {
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        invalid.field() + ": " + invalid.getMessage());
                p.setProperty("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())));
                return ResponseEntity.badRequest().body(p);
            }
            if (t instanceof IllegalArgumentException && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f ->
                    f.getClassName().equals(HttpHeaders.class.getName()) && f.getMethodName().equals("setContentType"))) {
                // a Content-Type Spring cannot even hold (a wildcard, */*): no body of this endpoint is of that type
                ProblemDetail p = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Unsupported media type", "Content-Type: " + t.getMessage());
                p.setProperty("errors", List.of(new FieldError("Content-Type", t.getMessage())));
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(p);
            }
            if (t instanceof IllegalArgumentException iae && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("dev.shingi")) {
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", iae.getMessage());
                return ResponseEntity.badRequest().body(p);
            }
        }
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring MVC's own 4xx (wrong method, media type, missing parameter): let the base class answer
        }
        log.error("Unexpected failure", e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing you sent was stored unless you got a 2xx.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }
}

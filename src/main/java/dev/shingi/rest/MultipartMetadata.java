package dev.shingi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.edge.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Set;

/**
 * The part {@code metadata} of a multipart write: the JSON body the endpoint takes on its own, read by the same
 * strict mapper and checked by the same constraints, so a field refused in JSON is refused the same way here.
 */
@Component
class MultipartMetadata {
    private final ObjectMapper json;
    private final Validator validator;

    MultipartMetadata(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    <T> T read(byte[] metadata, Class<T> type, HttpServletRequest request) {
        T value;
        try {
            value = json.readValue(metadata, type);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("metadata: " + e.getMessage(), e,
                    new ServletServerHttpRequest(request));
        }
        if (value == null) {
            throw new InvalidInput("metadata", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** The part {@code file}, which a multipart write must have (a version without one is sent as JSON). */
    static MultipartFile requireFile(MultipartFile file) {
        if (file == null) {
            throw new InvalidInput("file", "document.required", "is required in a multipart request: the version's "
                    + "document (PDF, DOCX, Markdown or UTF-8 text); send JSON for a version without one");
        }
        return file;
    }
}

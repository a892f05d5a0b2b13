package dev.shingi.edge;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body must be UTF-8 exactly (RFC 8259): Jackson's own decoder reads an overlong sequence such as
 * {@code C0 BC} as {@code <}, a classic way past a filter, so the bytes are checked with Java's strict decoder first and
 * a body that is not UTF-8 is a 400. Bodies are bounded by {@link BodySizeFilter}, so reading one whole is safe.
 */
@ControllerAdvice
class StrictUtf8Body extends RequestBodyAdviceAdapter {
    /** The cause of a refused body, for the problem details (400 {@code not-utf-8}). */
    static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super("The request body is not UTF-8: JSON is read as UTF-8 only (RFC 8259), without overlong or broken "
                    + "sequences.");
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] bytes = input.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("The body is not UTF-8", new NotUtf8(), input);
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}

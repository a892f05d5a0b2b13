package dev.shingi.edge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JSON body that Jackson could not read names: the key given twice (as the client wrote it, with its place:
 * {@code anchor.pageFrom}, {@code commitments[1].kind}), and where in the body the reading stopped.
 */
final class BodyErrors {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$", Pattern.DOTALL);

    private BodyErrors() {
    }

    /** The key a body gives twice, or null if that is not what is wrong with it. */
    static String duplicateKey(Throwable cause) {
        // inside a nested object Jackson wraps the parser's exception in a mapping exception of its own
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException e && e.getOriginalMessage() != null) {
                String key = duplicateKey(e);
                if (key != null) {
                    return key;
                }
            }
        }
        return null;
    }

    private static String duplicateKey(StreamReadException e) {
        Matcher m = DUPLICATE.matcher(e.getOriginalMessage());
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1);
        // the parser's context stands on the second occurrence; its parents are the objects and arrays around it
        JsonParser parser = e.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            String path = path(parser.getParsingContext());
            if (path.endsWith(key)) {
                return path;
            }
        }
        return key.isEmpty() ? "\"\"" : key;
    }

    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> outward = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            outward.push(c);
        }
        StringBuilder s = new StringBuilder();
        for (JsonStreamContext c : outward) {
            if (c.inObject() && c.getCurrentName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(c.getCurrentName());
            } else if (c.inArray()) {
                s.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            }
        }
        return s.toString();
    }

    /** " at line L, column C" where Jackson stopped reading, or nothing if it does not say. */
    static String where(Throwable cause) {
        if (cause instanceof JsonProcessingException e && e.getLocation() != null
                && e.getLocation() != JsonLocation.NA && e.getLocation().getLineNr() > 0) {
            return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return "";
    }
}

package dev.shingi.transfer.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a JSON Lines stream as bytes (never decoded by a platform charset): split at LF, a CR before it
 * dropped. A line longer than {@code maxLine} bytes is refused, so that no input can make one line fill the heap.
 */
final class Lines implements Closeable {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long number;

    static final class TooLong extends IOException {
        TooLong(long line, int max) {
            super("line " + line + " is longer than " + max + " bytes");
        }
    }

    Lines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long number() {
        return number;
    }

    /** The next line without its line break, or null at the end. A last line without a line break counts. */
    byte[] next() throws IOException {
        byte[] line = null;
        int length = 0;
        while (true) {
            if (start == end) {
                if (eof || !fill()) {
                    if (line == null) {
                        return null;
                    }
                    number++;
                    return trim(line, length);
                }
            }
            int newline = -1;
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int n = stop - start;
            if (length + n > maxLine) {
                throw new TooLong(number + 1, maxLine);
            }
            if (line == null) {
                line = new byte[Math.max(256, n)];
            } else if (line.length < length + n) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, start, line, length, n);
            length += n;
            start = stop;
            if (newline >= 0) {
                start++;
                number++;
                return trim(line, length);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    private static byte[] trim(byte[] line, int length) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return line.length == length ? line : Arrays.copyOf(line, length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

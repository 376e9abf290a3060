package org.apache.kafka.connect.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits the bytes read from a growing input into UTF-8 lines and tracks the byte position in the
 * input just after each line.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}. A line is returned only once its
 * terminator has arrived, and a {@code \r} at the very end of the data waits for the next byte, which
 * decides whether it is a {@code \r\n}. Splitting on bytes is safe because UTF-8 never uses the bytes
 * of {@code \r} and {@code \n} inside a multi-byte character.
 */
final class LineBuffer {

    /** One line and the position in the input just after its terminator. */
    record Line(String text, long endPosition) {
    }

    private static final int INITIAL_CAPACITY = 8192;
    private static final int MIN_READ = 4096;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private int scanFrom;
    private long startPosition;

    /** A buffer for an input whose next byte is at {@code position}. */
    LineBuffer(long position) {
        this.startPosition = position;
    }

    /** The next complete line, or {@code null} when the buffered bytes hold none. */
    Line nextLine() {
        for (int i = scanFrom; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                return take(i, i + 1);
            }
            if (b == '\r') {
                if (i + 1 == end) {
                    scanFrom = i;
                    return null;
                }
                return take(i, bytes[i + 1] == '\n' ? i + 2 : i + 1);
            }
        }
        scanFrom = end;
        return null;
    }

    /**
     * Appends what the input has available now, without blocking.
     *
     * @return the number of bytes appended; zero when the input has nothing new
     */
    int readFrom(SourceInput input) throws IOException {
        makeRoom();
        int read = input.readAvailable(bytes, end, bytes.length - end);
        if (read > 0) {
            end += read;
        }
        return Math.max(read, 0);
    }

    private Line take(int lineEnd, int nextStart) {
        String text = new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8);
        startPosition += nextStart - start;
        start = nextStart;
        scanFrom = nextStart;
        return new Line(text, startPosition);
    }

    private void makeRoom() {
        if (bytes.length - end >= MIN_READ) {
            return;
        }
        int held = end - start;
        if (start > 0 && bytes.length - held >= MIN_READ) {
            System.arraycopy(bytes, start, bytes, 0, held);
        } else {
            // An unfinished line fills the buffer: grow it, since a line is emitted whole.
            byte[] larger = new byte[Math.max(bytes.length * 2, held + MIN_READ)];
            System.arraycopy(bytes, start, larger, 0, held);
            bytes = larger;
        }
        scanFrom -= start;
        end = held;
        start = 0;
    }
}

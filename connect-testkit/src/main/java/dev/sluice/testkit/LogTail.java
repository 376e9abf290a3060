package dev.sluice.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for error messages about a broker that failed. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** Returns a block naming the file followed by its last {@code maxLines} lines, or a note that it is empty. */
    static String describe(Path file, int maxLines) {
        List<String> lines = lastLines(file, maxLines);
        if (lines.isEmpty()) {
            return "(" + file + " is empty or missing)\n";
        }
        StringBuilder text = new StringBuilder("--- last ").append(lines.size()).append(" lines of ").append(file).append(" ---\n");
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    static List<String> lastLines(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(start > 0 ? 1 : 0, lines.length - maxLines); // a cut first line is partial
            return Arrays.asList(lines).subList(Math.min(from, lines.length), lines.length);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }
}

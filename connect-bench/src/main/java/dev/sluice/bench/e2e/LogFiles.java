package dev.sluice.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a child worker's output file. */
final class LogFiles {

    private LogFiles() {
    }

    /** Whether the file exists and has a line holding {@code text}. */
    static boolean contains(Path file, String text) {
        return Files.isRegularFile(file) && read(file).contains(text);
    }

    /** The file's last {@code lines} lines, headed by its name. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no output file " + file + ")";
        }
        List<String> all = read(file).lines().toList();
        return "--- last lines of " + file + " ---\n"
            + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Lines holding {@code text}. */
    static List<String> matching(Path file, String text) {
        return Files.isRegularFile(file) ? read(file).lines().filter(l -> l.contains(text)).toList() : List.of();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the worker output " + file, e);
        }
    }
}

package dev.sluice.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading and writing the UTF-8 text files that FileStream connectors read and write, one record per line. */
final class TextLines {

    private TextLines() {
    }

    /**
     * @return the complete ({@code \n}-terminated) lines of {@code file}, without a last line that a writer is
     *         still writing; empty if the file does not exist yet
     */
    static List<String> completeLines(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(text.substring(0, end).split("\n", -1)));
    }

    /** Appends each line followed by {@code \n} to {@code file}, creating it if needed. */
    static void append(Path file, List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append " + lines.size() + " lines to " + file, e);
        }
    }
}

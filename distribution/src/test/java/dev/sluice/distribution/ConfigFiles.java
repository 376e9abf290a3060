package dev.sluice.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes worker and connector {@code .properties} files for acceptance tests, in the order of the map given.
 *
 * <p>The files are pure ASCII: characters outside it are written as {@code \}{@code uXXXX} escapes, and
 * backslashes, separators and line breaks are escaped, so that {@link java.util.Properties#load} (which the
 * worker uses, reading ISO-8859-1 as Apache does) reads back exactly the map's strings.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Writes {@code entries} to {@code file} (replacing it) and returns {@code file}.
     *
     * @throws IllegalStateException naming the file, if it cannot be written
     */
    public static Path write(Path file, Map<String, String> entries) {
        StringBuilder text = new StringBuilder("# written by a Sluice acceptance test\n");
        entries.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write properties file " + file + ": " + e, e);
        }
        return file;
    }

    static String escape(String text, boolean isKey) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(isKey || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

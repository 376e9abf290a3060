package dev.sluice.bench.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The benchmark's input: {@code count} ASCII lines of exactly {@code length} characters each ({@code line-000000042 }
 * followed by filler text), so that every record has the same size and the sink's output is complete exactly when
 * it is as long as the input.
 *
 * <p>It also builds the bytes that {@code FileStreamSource} plus {@code JsonConverter} with
 * {@code schemas.enable=true} produce for a line, for the raw producer: the converter's envelope around the first
 * line, with the line swapped for the wanted one.
 */
final class LineFile {

    /** {@code line-} and nine digits and a space. */
    static final int MIN_LINE_LENGTH = 15;

    private static final String FILLER = "the quick brown fox jumps over the lazy dog, ";

    private final Path path;
    private final int count;
    private final int length;
    private final byte[] envelopePrefix;
    private final byte[] envelopeSuffix;

    private LineFile(Path path, int count, int length, byte[] envelopePrefix, byte[] envelopeSuffix) {
        this.path = path;
        this.count = count;
        this.length = length;
        this.envelopePrefix = envelopePrefix;
        this.envelopeSuffix = envelopeSuffix;
    }

    /** Writes {@code count} lines of {@code length} characters to {@code path}, replacing any file there. */
    static LineFile write(Path path, int count, int length) throws IOException {
        Files.createDirectories(path.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                out.write(line(i, length));
                out.write('\n');
            }
        }
        long expected = (long) count * (length + 1);
        if (Files.size(path) != expected) {
            throw new IOException("Input file " + path + " has " + Files.size(path) + " bytes, expected " + expected);
        }
        byte[][] envelope = envelopeAround(line(0, length));
        return new LineFile(path, count, length, envelope[0], envelope[1]);
    }

    /** Line {@code index} of a file whose lines are {@code length} characters long. */
    static String line(int index, int length) {
        StringBuilder text = new StringBuilder(length);
        text.append(String.format("line-%09d ", index));
        while (text.length() < length) {
            text.append(FILLER, 0, Math.min(FILLER.length(), length - text.length()));
        }
        return text.toString();
    }

    /** The file. */
    Path path() {
        return path;
    }

    /** Number of lines. */
    int count() {
        return count;
    }

    /** The file's size in bytes: what a sink that wrote every line once has written. */
    long sizeInBytes() {
        return (long) count * (length + 1);
    }

    /** The record value the connector's converter produces for line {@code index}. */
    byte[] jsonValue(int index) {
        byte[] line = line(index, length).getBytes(StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOf(envelopePrefix, envelopePrefix.length + line.length + envelopeSuffix.length);
        System.arraycopy(line, 0, value, envelopePrefix.length, line.length);
        System.arraycopy(envelopeSuffix, 0, value, envelopePrefix.length + line.length, envelopeSuffix.length);
        return value;
    }

    /** Size of every record value in bytes. */
    int jsonValueSize() {
        return envelopePrefix.length + length + envelopeSuffix.length;
    }

    /** The JSON before and after the line in the converter's output for a string value with its schema. */
    private static byte[][] envelopeAround(String line) {
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "true"), false);
            String json = new String(converter.fromConnectData("lines", Schema.STRING_SCHEMA, line),
                StandardCharsets.US_ASCII);
            int at = json.indexOf(line);
            if (at < 0 || json.indexOf(line, at + 1) >= 0) {
                throw new IllegalStateException("JsonConverter's output " + json + " does not hold the line once");
            }
            return new byte[][] {json.substring(0, at).getBytes(StandardCharsets.US_ASCII),
                json.substring(at + line.length()).getBytes(StandardCharsets.US_ASCII)};
        }
    }
}

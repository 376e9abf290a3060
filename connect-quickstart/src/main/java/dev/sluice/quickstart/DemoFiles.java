package dev.sluice.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of the demo pipeline in one working directory: the input file the source reads, the output file the
 * sink writes, the offsets file, and the two connector configurations (the tutorial's, with absolute paths).
 *
 * @param directory the working directory
 */
public record DemoFiles(Path directory) {

    /** The demo topic, as in Apache's quickstart. */
    public static final String TOPIC = "connect-test";

    /** The source connector's name. */
    public static final String SOURCE = "local-file-source";

    /** The sink connector's name. */
    public static final String SINK = "local-file-sink";

    /** The file the source connector reads. */
    public Path input() {
        return directory.resolve("input.txt");
    }

    /** The file the sink connector writes. */
    public Path output() {
        return directory.resolve("output.txt");
    }

    /** The standalone worker's offsets file. */
    public Path offsets() {
        return directory.resolve("connect.offsets");
    }

    /** Creates the directory and, on the first run, an input file with a few lines. */
    public void prepare() {
        try {
            Files.createDirectories(directory);
            if (!Files.exists(input())) {
                List<String> lines = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    lines.add("hello from sluice, line " + i);
                }
                Files.write(input(), lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the demo files in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The lines now in the input file. */
    public List<String> inputLines() {
        return readLines(input());
    }

    /** The lines the sink has written so far. */
    public List<String> outputLines() {
        return readLines(output());
    }

    /** The source connector: FileStreamSource reading {@link #input()} into {@link #TOPIC}. */
    public Map<String, String> sourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("tasks.max", "1");
        config.put("file", input().toString());
        config.put("topic", TOPIC);
        return config;
    }

    /** The sink connector: FileStreamSink writing {@link #TOPIC} to {@link #output()}. */
    public Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("tasks.max", "1");
        config.put("file", output().toString());
        config.put("topics", TOPIC);
        return config;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

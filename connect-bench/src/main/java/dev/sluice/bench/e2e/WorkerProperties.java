package dev.sluice.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The worker properties both workers run with: the shipped {@code connect-standalone.properties} (JSON values with
 * schemas, a file offset store flushed every 10 s) with string keys, the benchmark's broker and a free REST port.
 */
final class WorkerProperties {

    private WorkerProperties() {
    }

    /** The properties for a worker whose files live in {@code dir}, listening on {@code restPort}. */
    static Map<String, String> of(String bootstrapServers, Path dir, int restPort) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter.schemas.enable", "true");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "10000");
        props.put("listeners", "http://localhost:" + restPort);
        return props;
    }

    /** Writes {@code props} to {@code dir/worker.properties} and returns that file. */
    static Path write(Path dir, Map<String, String> props) {
        Path file = dir.resolve("worker.properties");
        Properties properties = new Properties();
        properties.putAll(props);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "Worker of the end-to-end benchmark");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the worker properties " + file, e);
        }
        return file;
    }

    /**
     * A port that was free a moment ago. The REST listener needs a known port, as the benchmark has to reach it;
     * a clash with another process in between would make the worker fail to start, with a clear log line.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for a worker's REST API", e);
        }
    }
}

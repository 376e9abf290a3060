package dev.sluice.runtime.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.herder.ConnectorStateInfo;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A whole standalone worker in this JVM: herder, worker, file offsets, real clients against a real broker. */
class StandaloneRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    Path dir;

    private Map<String, String> workerProps() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.cluster().bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter.schemas.enable", "false");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "200");
        props.put("listeners", "http://localhost:0");
        return props;
    }

    @Test
    void fileSourceToTopicToFileSinkThroughTheHerderAndAgainAfterARestart() throws Exception {
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("line " + i + " ünïcödé");
        }
        Files.write(input, lines, StandardCharsets.UTF_8);
        Map<String, String> source = Map.of("connector.class", "FileStreamSource", "file", input.toString(),
            "topic", "runtime-it-lines", "tasks.max", "1");
        Map<String, String> sink = Map.of("connector.class", "FileStreamSink", "file", output.toString(),
            "topics", "runtime-it-lines", "tasks.max", "1");

        try (StandaloneRuntime runtime = StandaloneRuntime.start(workerProps(), workerProps())) {
            Herder herder = runtime.herder();
            assertTrue(herder.putConnectorConfig("src", source, TargetState.STARTED, false).get(30, TimeUnit.SECONDS)
                .created());
            herder.putConnectorConfig("sink", sink, TargetState.STARTED, false).get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> readLines(output).size() >= lines.size());
            assertEquals(lines, readLines(output), "the sink wrote every line once, in order");
            ConnectorStateInfo status = herder.connectorStatus("src").orElseThrow();
            assertEquals(LifecycleState.RUNNING, status.connector().state());
            assertEquals(LifecycleState.RUNNING, status.tasks().get(0).state());
        }

        List<String> more = List.of("after restart 1", "after restart 2");
        Files.write(input, more, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> expected = new ArrayList<>(lines);
        expected.addAll(more);
        try (StandaloneRuntime runtime = StandaloneRuntime.start(workerProps(), workerProps())) {
            runtime.herder().putConnectorConfig("src", source, TargetState.STARTED, false).get(30, TimeUnit.SECONDS);
            runtime.herder().putConnectorConfig("sink", sink, TargetState.STARTED, false).get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> readLines(output).size() >= expected.size());
            assertEquals(expected, readLines(output), "the restarted worker continued from the stored offsets");
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}

package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone worker that cannot start, run through the distribution's real launch script, exits with Apache's
 * exit code and says in its output what is wrong: 1 for a wrong command line, 2 when the worker itself cannot start,
 * 3 when a connector given on the command line cannot be created.
 */
class WorkerStartupFailureIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final int WRONG_COMMAND_LINE = 1;
    private static final int WORKER_FAILED = 2;
    private static final int CONNECTOR_FAILED = 3;

    @TempDir
    Path dir;

    @Test
    void unknownConnectorClassMakesTheWorkerExitWithCode3AndNameTheClass() {
        Map<String, String> connector = new HashMap<>(TutorialConfigs.fileSource("no-such-class", dir.resolve("in.txt"), "unused-topic"));
        connector.put("connector.class", "com.example.NoSuchSourceConnector");
        Path connectorProps = ConfigFiles.write(dir.resolve("bad-connector.properties"), connector);

        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, workerProps(), List.of(connectorProps), Map.of())) {
            assertEquals(CONNECTOR_FAILED, worker.awaitExit(EXIT), "A connector with an unknown class must stop the worker with exit code 3\n" + worker.log());
            assertTrue(worker.log().contains("com.example.NoSuchSourceConnector"),
                    "The error must name the connector class that was not found\n" + worker.log());
        }
    }

    @Test
    void connectorConfigWithoutARequiredKeyMakesTheWorkerExitWithCode3AndNameTheKey() {
        Map<String, String> connector = new HashMap<>(TutorialConfigs.fileSource("no-topic", dir.resolve("in.txt"), "unused-topic"));
        connector.remove("topic");
        Path connectorProps = ConfigFiles.write(dir.resolve("no-topic.properties"), connector);

        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, workerProps(), List.of(connectorProps), Map.of())) {
            assertEquals(CONNECTOR_FAILED, worker.awaitExit(EXIT), "A FileStreamSource config without 'topic' must stop the worker with exit code 3\n" + worker.log());
            assertTrue(worker.log().contains("topic"), "The error must name the missing key 'topic'\n" + worker.log());
        }
    }

    @Test
    void missingWorkerPropertiesFileMakesTheWorkerExitWithCode2AndNameTheFile() {
        Path missing = dir.resolve("does-not-exist.properties");
        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, missing, List.of(), Map.of())) {
            assertEquals(WORKER_FAILED, worker.awaitExit(EXIT), "A missing worker properties file must stop the worker with exit code 2\n" + worker.log());
            assertTrue(worker.log().contains(missing.toString()), "The error must name the missing file\n" + worker.log());
        }
    }

    @Test
    void missingConnectorFileMakesTheWorkerExitWithCode3AndNameTheFile() {
        Path missing = dir.resolve("no-such-connector.properties");
        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, workerProps(), List.of(missing), Map.of())) {
            assertEquals(CONNECTOR_FAILED, worker.awaitExit(EXIT), "A missing connector file must stop the worker with exit code 3\n" + worker.log());
            assertTrue(worker.log().contains(missing.toString()), "The error must name the missing connector file\n" + worker.log());
        }
    }

    @Test
    void helpOptionPrintsTheUsageAndExitsWithCode1() {
        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, Path.of("--help"), List.of(), Map.of())) {
            assertEquals(WRONG_COMMAND_LINE, worker.awaitExit(EXIT), "--help must print the usage and exit with code 1\n" + worker.log());
            assertTrue(worker.log().contains("worker.properties"), "--help must print the usage line\n" + worker.log());
        }
    }

    private Path workerProps() {
        return ConfigFiles.write(dir.resolve("worker.properties"),
                TutorialConfigs.standaloneWorker(kafka.cluster().bootstrapServers(), dir.resolve("connect.offsets"), true));
    }
}

package dev.sluice.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One combined broker+controller node in a child JVM: its fixed ports, its directory (configuration, data and
 * logs) and its current process. The ports and the data directory stay the same across restarts.
 */
final class BrokerNode {

    /** The two listener ports of a node, chosen once when the cluster starts. */
    record Ports(int id, int clientPort, int controllerPort) {
    }

    private static final Logger log = LoggerFactory.getLogger(BrokerNode.class);
    private static final int LOG_TAIL_LINES = 40;

    private final Ports ports;
    private final Path dir;
    private final ChildJvm jvm;
    private Process process;

    BrokerNode(Ports ports, Path dir, ChildJvm jvm) {
        this.ports = ports;
        this.dir = dir;
        this.jvm = jvm;
    }

    int id() {
        return ports.id();
    }

    Ports ports() {
        return ports;
    }

    String address() {
        return BrokerProperties.HOST + ":" + ports.clientPort();
    }

    Path logFile() {
        return dir.resolve("broker.log");
    }

    private Path consoleFile() {
        return dir.resolve("console.log");
    }

    private Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    private Path log4jConfig() {
        return dir.resolve("log4j2.properties");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** Writes {@code server.properties} and the log4j2 configuration into the node's directory. */
    void writeConfiguration(Map<String, String> brokerProperties, String logLevel) {
        Properties properties = new Properties();
        properties.putAll(brokerProperties);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(propertiesFile())) {
                properties.store(out, "Broker " + id() + " of a Sluice testkit cluster");
            }
            Files.writeString(log4jConfig(), BrokerProperties.log4jConfig(logFile(), logLevel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of broker " + id() + " into " + dir, e);
        }
    }

    /** Starts {@code kafka.tools.StorageTool format} for this node; the caller waits with {@link #awaitFormatted}. */
    Process startFormatting(String clusterId) {
        return jvm.launch("kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--config", propertiesFile().toString(), "--ignore-formatted"),
                dir.resolve("format.log"), log4jConfig());
    }

    void awaitFormatted(Process formatting, Duration timeout) {
        try {
            if (!formatting.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                formatting.destroyForcibly();
                throw new KafkaClusterException("Formatting the storage of broker " + id() + " took longer than " + timeout
                        + "\n" + LogTail.describe(dir.resolve("format.log"), LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatting.destroyForcibly();
            throw new KafkaClusterException("Interrupted while formatting the storage of broker " + id(), e);
        }
        if (formatting.exitValue() != 0) {
            throw new KafkaClusterException("Formatting the storage of broker " + id() + " failed with exit code "
                    + formatting.exitValue() + "\n" + LogTail.describe(dir.resolve("format.log"), LOG_TAIL_LINES)
                    + LogTail.describe(logFile(), LOG_TAIL_LINES));
        }
    }

    /** Starts the broker's JVM; does not wait for it to answer. */
    synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Broker " + id() + " is already running (pid " + process.pid() + ")");
        }
        process = jvm.launch("kafka.Kafka", List.of(propertiesFile().toString()), consoleFile(), log4jConfig());
        log.info("Started Kafka broker {} (pid {}) on {} (controller port {}), directory {}, log {}",
                id(), process.pid(), address(), ports.controllerPort(), dir, logFile());
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Sends SIGTERM and waits for a clean exit; kills the process if it is not gone within {@code timeout}. */
    synchronized void stop(Duration timeout) {
        if (!isRunning()) {
            return;
        }
        long pid = process.pid();
        // Through the handle: Process.destroy() would also close stdin, and the launcher halts on EOF at once.
        process.toHandle().destroy();
        if (waitForExit(timeout)) {
            log.info("Stopped Kafka broker {} (pid {}), exit code {}", id(), pid, process.exitValue());
        } else {
            log.warn("Kafka broker {} (pid {}) did not stop within {} after SIGTERM; killing it", id(), pid, timeout);
            kill();
        }
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!waitForExit(Duration.ofSeconds(30))) {
            throw new KafkaClusterException("Kafka broker " + id() + " (pid " + process.pid() + ") is still alive 30 s after SIGKILL");
        }
        log.info("Killed Kafka broker {} (pid {})", id(), process.pid());
    }

    /** For a shutdown hook: SIGKILL without waiting or logging. */
    synchronized void killNow() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaClusterException("Interrupted while waiting for Kafka broker " + id() + " to exit", e);
        }
    }

    /** Why this broker is not ready: its state and the end of its log and console output. */
    synchronized String report(String what) {
        String state;
        if (process == null) {
            state = "never started";
        } else if (process.isAlive()) {
            state = "pid " + process.pid() + ", running";
        } else {
            state = "pid " + process.pid() + ", exited with code " + process.exitValue();
        }
        return "Kafka broker " + id() + " on " + address() + " (" + state + ") " + what + "\n"
                + LogTail.describe(logFile(), LOG_TAIL_LINES)
                + LogTail.describe(consoleFile(), LOG_TAIL_LINES / 2);
    }
}

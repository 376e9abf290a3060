package dev.sluice.bench.e2e;

import dev.sluice.testkit.broker.BrokerLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our standalone worker ({@code dev.sluice.runtime.cli.ConnectStandalone}, what {@code bin/connect-standalone.sh}
 * runs) in a child JVM on this JVM's class path, started the way {@link dev.sluice.testkit.ApacheConnectWorker}
 * starts Apache's: through the testkit's {@link BrokerLauncher}, which halts the child when this JVM dies, with its
 * output in a file of its directory. It logs at INFO, as Apache's worker does in the benchmark.
 */
final class SluiceWorkerProcess implements BenchWorker {

    static final String MAIN_CLASS = "dev.sluice.runtime.cli.ConnectStandalone";

    private static final Logger log = LoggerFactory.getLogger(SluiceWorkerProcess.class);

    private final Process process;
    private final Path output;
    private final URI restUrl;
    private final Thread shutdownHook;

    private SluiceWorkerProcess(Process process, Path output, URI restUrl, Thread shutdownHook) {
        this.process = process;
        this.output = output;
        this.restUrl = restUrl;
        this.shutdownHook = shutdownHook;
    }

    /** Starts the worker with the properties file {@code workerProperties} and no connectors; does not wait. */
    static SluiceWorkerProcess start(Path dir, Path workerProperties, int restPort, List<String> jvmOptions) {
        Path output = dir.resolve("sluice-connect.log");
        Path logback = dir.resolve("sluice-connect-logback.xml");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(output);
            Files.writeString(logback, logbackConfig(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the directory " + dir + " for our Connect worker", e);
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=" + logback);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BrokerLauncher.class.getName());
        command.add(MAIN_CLASS);
        command.add(workerProperties.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE); // the launcher's lifeline; never written to
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a child JVM for our Connect worker in " + dir, e);
        }
        Thread hook = new Thread(process::destroyForcibly, "bench-sluice-connect-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("Started our standalone worker (pid {}); output in {}", process.pid(), output);
        return new SluiceWorkerProcess(process, output, URI.create("http://localhost:" + restPort), hook);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public URI restUrl() {
        return restUrl;
    }

    @Override
    public void awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasLogged("Kafka Connect started")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Our worker (pid " + process.pid() + ") exited with code "
                    + process.exitValue() + " before it started\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Our worker (pid " + process.pid() + ") did not start within "
                    + timeout.toSeconds() + " s\n" + logTail());
            }
            sleepMillis(100);
        }
    }

    @Override
    public Path logFile() {
        return output;
    }

    @Override
    public String logTail() {
        return LogFiles.tail(output, 40);
    }

    @Override
    public void stop(Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close stdin, and the launcher halts on EOF
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Our worker (pid {}) did not stop within {} s after SIGTERM; killing it", process.pid(),
                    timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook runs anyway
        }
    }

    private boolean hasLogged(String text) {
        return LogFiles.contains(output, text);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for our worker to start", e);
        }
    }

    /** The distribution's console pattern at INFO, to stdout, which goes to the output file. */
    private static String logbackConfig() {
        return String.join("\n",
            "<configuration scan=\"false\">",
            "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
            "    <encoder><pattern>[%d] %p %X{connector.context}%m \\(%c:%L\\)%n</pattern></encoder>",
            "  </appender>",
            "  <root level=\"INFO\"><appender-ref ref=\"STDOUT\"/></root>",
            "</configuration>",
            "");
    }
}

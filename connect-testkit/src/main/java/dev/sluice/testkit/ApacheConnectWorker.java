package dev.sluice.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Apache Kafka Connect's own standalone worker ({@value #MAIN_CLASS}, release 4.3.1 from Maven Central) running
 * in a child JVM, for interoperability tests that hand files written by one worker to the other.
 *
 * <p>The child runs {@code java -cp <Apache's class path> ConnectStandalone worker.properties [connector files...]},
 * exactly the arguments of Apache's {@code connect-standalone.sh}. Its class path is Apache's connect-runtime,
 * connect-file and connect-json with their own dependencies and SLF4J bound to log4j2, as Apache's distribution
 * ships them; none of them are on the caller's class path. Everything the worker logs (INFO and above, in Apache's
 * console pattern) and prints goes to {@link #outputFile()}.
 *
 * <p>The child dies with the JVM that started it, even when that one is killed: it watches its stdin pipe from the
 * parent (see {@link dev.sluice.testkit.broker.BrokerLauncher}), and a shutdown hook kills it on a normal exit.
 *
 * <p>Apache's standalone worker always starts its REST server, on port 8083 unless the worker properties say
 * otherwise: give it {@code listeners=http://localhost:0} (any free port) so that parallel tests do not clash.
 *
 * <pre>{@code
 * try (ApacheConnectWorker worker = ApacheConnectWorker.startStandalone(dir, workerProps, List.of(connectorProps))) {
 *     worker.awaitLog("Kafka Connect started", Duration.ofSeconds(60));
 *     ...
 *     worker.terminate(Duration.ofSeconds(30)); // SIGTERM: Apache stops its tasks and flushes their offsets
 * }
 * }</pre>
 */
public final class ApacheConnectWorker implements AutoCloseable {

    /** The main class that Apache's {@code connect-standalone.sh} runs. */
    public static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectStandalone";

    private static final Logger log = LoggerFactory.getLogger(ApacheConnectWorker.class);
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Path outputFile;
    private final Thread shutdownHook;

    private ApacheConnectWorker(Process process, Path outputFile, Thread shutdownHook) {
        this.process = process;
        this.outputFile = outputFile;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts Apache's standalone worker with default JVM options (a 512 MB heap); does not wait for it to be up
     * (use {@link #awaitLog}).
     *
     * @param workDir          a directory of this worker's own (created if missing): its output file, its log4j2
     *                         configuration and the launcher go here, and it is the child's working directory;
     *                         an output file left by an earlier worker in the same directory is replaced
     * @param workerProperties the worker properties file, as for {@code connect-standalone.sh}
     * @param connectorFiles   connector configuration files (properties or JSON), possibly none
     * @return the running worker; close it to make sure the child is gone
     */
    public static ApacheConnectWorker startStandalone(Path workDir, Path workerProperties, List<Path> connectorFiles) {
        return startStandalone(workDir, workerProperties, connectorFiles, DEFAULT_JVM_OPTIONS);
    }

    /**
     * Starts Apache's standalone worker with the given JVM options (heap, system properties, ...); does not wait
     * for it to be up.
     *
     * @param workDir          a directory of this worker's own, see {@link #startStandalone(Path, Path, List)}
     * @param workerProperties the worker properties file
     * @param connectorFiles   connector configuration files, possibly none
     * @param jvmOptions       options placed before the main class on the child's {@code java} command line
     * @return the running worker; close it to make sure the child is gone
     */
    public static ApacheConnectWorker startStandalone(Path workDir, Path workerProperties, List<Path> connectorFiles,
                                                      List<String> jvmOptions) {
        if (!Files.isRegularFile(workerProperties)) {
            throw new IllegalArgumentException("Worker properties file " + workerProperties + " does not exist");
        }
        List<Path> classpath = ApacheWorkerClasspath.load();
        Path dir = workDir.toAbsolutePath();
        Path output = dir.resolve("apache-connect.log");
        Path log4jConfig = dir.resolve("apache-connect-log4j2.properties");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(output);
            Files.writeString(log4jConfig, log4jConfig(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the directory " + dir + " for Apache's Connect worker", e);
        }
        List<String> args = new ArrayList<>();
        args.add(workerProperties.toAbsolutePath().toString());
        connectorFiles.forEach(file -> args.add(file.toAbsolutePath().toString()));

        Process process = ChildJvm.prepare(classpath, dir, List.copyOf(jvmOptions)).launch(MAIN_CLASS, args, output, log4jConfig);
        Thread hook = new Thread(process::destroyForcibly, "sluice-apache-connect-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("Started Apache Kafka Connect standalone worker (pid {}) with {} and {} connector file(s); output in {}",
                process.pid(), workerProperties, connectorFiles.size(), output);
        return new ApacheConnectWorker(process, output, hook);
    }

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether the child JVM is still running */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** @return the file that receives the worker's log and console output */
    public Path outputFile() {
        return outputFile;
    }

    /**
     * Waits until the worker's output has a line in which {@code regex} is found, checking every 100 ms.
     *
     * @param regex   a regular expression searched for in each output line (for example {@code "Kafka Connect started"})
     * @param timeout how long to wait
     * @return the first matching line
     * @throws IllegalStateException if the worker exits or the timeout passes before such a line appears; the
     *                               message carries the end of the output
     */
    public String awaitLog(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        String what = "a line matching '" + regex + "'";
        try {
            return BoundedWait.until(timeout, POLL_INTERVAL, () -> {
                boolean exited = !process.isAlive(); // before reading, so that its last lines are in the file
                Optional<String> line = findLine(pattern);
                if (line.isEmpty() && exited) {
                    throw new IllegalStateException(describe("exited before logging " + what));
                }
                return line;
            }, () -> describe("did not log " + what + " within " + timeout));
        } catch (KafkaClusterException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * @param regex a regular expression searched for in each output line
     * @return whether the output so far has a line in which {@code regex} is found
     */
    public boolean hasLogged(String regex) {
        return findLine(Pattern.compile(regex)).isPresent();
    }

    /**
     * Stops the worker the way an operator does: SIGTERM, on which Apache's shutdown hook stops connectors and
     * tasks and flushes source offsets. Kills it if it has not exited within {@code timeout}.
     *
     * @param timeout how long a clean stop may take
     * @return the exit code
     * @throws IllegalStateException if the worker did not exit within {@code timeout} (it has been killed then)
     */
    public int terminate(Duration timeout) {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        // Through the handle: Process.destroy() would also close stdin, and the launcher halts on EOF at once.
        process.toHandle().destroy();
        if (!waitForExit(timeout)) {
            kill();
            throw new IllegalStateException(describe("did not stop within " + timeout + " after SIGTERM and was killed"));
        }
        log.info("Apache Kafka Connect worker (pid {}) stopped after SIGTERM with exit code {}", pid(), process.exitValue());
        removeShutdownHook();
        return process.exitValue();
    }

    /**
     * Kills the worker with SIGKILL, as a crash would: nothing is flushed or committed.
     *
     * @return the exit code
     */
    public int kill() {
        process.destroyForcibly();
        if (!waitForExit(KILL_TIMEOUT)) {
            throw new IllegalStateException("Apache Kafka Connect worker (pid " + pid() + ") is still alive "
                    + KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
        }
        log.info("Killed Apache Kafka Connect worker (pid {})", pid());
        removeShutdownHook();
        return process.exitValue();
    }

    /**
     * @param lines how many lines at most
     * @return the last lines of the worker's output, headed by the file's name, for assertion messages
     */
    public String outputTail(int lines) {
        return LogTail.describe(outputFile, lines);
    }

    /** Kills the worker if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        } else {
            removeShutdownHook();
        }
    }

    private Optional<String> findLine(Pattern pattern) {
        if (!Files.isRegularFile(outputFile)) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Files.readAllBytes(outputFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the output of Apache's Connect worker in " + outputFile, e);
        }
        return text.lines().filter(line -> pattern.matcher(line).find()).findFirst();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apache's Connect worker (pid " + pid() + ") to exit", e);
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already; the hook runs anyway.
        }
    }

    private String describe(String what) {
        String state = process.isAlive() ? "running" : "exited with code " + process.exitValue();
        return "Apache Kafka Connect worker (pid " + pid() + ", " + state + ") " + what + "\n"
                + LogTail.describe(outputFile, TAIL_LINES);
    }

    /** Apache's console pattern, to stdout, which the launcher sends to the output file. */
    private static String log4jConfig() {
        return String.join("\n",
                "status = warn",
                // Apache logs its shutdown from its own hook; log4j2's hook could stop the appender before that.
                "shutdownHook = disable",
                "appender.stdout.type = Console",
                "appender.stdout.name = STDOUT",
                "appender.stdout.target = SYSTEM_OUT",
                "appender.stdout.layout.type = PatternLayout",
                "appender.stdout.layout.pattern = [%d] %p %X{connector.context}%m (%c:%L)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "");
    }
}

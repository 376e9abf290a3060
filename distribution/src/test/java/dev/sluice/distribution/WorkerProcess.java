package dev.sluice.distribution;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Sluice worker started through the distribution's real launch script ({@code bin/connect-standalone.sh}) as a
 * child process, for acceptance tests.
 *
 * <p>The script {@code exec}s the JVM, so {@link #pid()} is the worker JVM's pid once the script handed over, and
 * {@link #terminate(Duration)} (SIGTERM) reaches the worker's shutdown hook exactly as an operator's {@code kill}
 * would. The combined stdout and stderr go to a log file in the work directory, never to a pipe that could fill up.
 * A worker that is still alive when the test JVM exits is killed by a shutdown hook, so a failed test leaves no
 * worker behind.
 *
 * <pre>{@code
 * try (WorkerProcess worker = WorkerProcess.startStandalone(dir, workerProps, List.of(source, sink), Map.of())) {
 *     worker.awaitLog("Kafka Connect started", Duration.ofSeconds(60));
 *     ...
 *     assertEquals(143, worker.terminate(Duration.ofSeconds(30)));
 * }
 * }</pre>
 */
public final class WorkerProcess implements AutoCloseable {

    /** System property naming the unpacked distribution tree; set by failsafe in the distribution module. */
    public static final String DISTRIBUTION_DIR_PROPERTY = "sluice.distribution.dir";

    /** Heap for workers started by tests, unless the caller sets {@code KAFKA_HEAP_OPTS}: the build machine is small. */
    static final String TEST_HEAP_OPTS = "-Xms64m -Xmx512m";
    /**
     * JVM options for workers started by tests, unless the caller sets {@code KAFKA_JVM_PERFORMANCE_OPTS}: a quick
     * start matters more than peak throughput on a busy 2-core build machine (the script's own default is G1 + C2).
     */
    static final String TEST_JVM_PERFORMANCE_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true";

    private static final int TAIL_LINES = 80;
    private static final int TAIL_BYTES = 128 * 1024;
    private static final long POLL_MILLIS = 100;

    private final Process process;
    private final Path logFile;
    private final List<String> command;
    private final Thread killOnExit;

    private WorkerProcess(Process process, Path logFile, List<String> command) {
        this.process = process;
        this.logFile = logFile;
        this.command = command;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-worker-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * The unpacked distribution tree the tests run ({@code distribution/target(-x)/sluice-<version>}), from system
     * property {@value #DISTRIBUTION_DIR_PROPERTY}.
     *
     * @throws IllegalStateException if the property is not set or does not name a tree with {@code bin/connect-standalone.sh}
     */
    public static Path distributionDir() {
        String value = System.getProperty(DISTRIBUTION_DIR_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + DISTRIBUTION_DIR_PROPERTY + "' is not set; run the"
                    + " acceptance tests through Maven (mvn -pl distribution -am verify), which assembles the"
                    + " distribution at 'package' and passes its folder to failsafe");
        }
        Path dir = Paths.get(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("bin").resolve("connect-standalone.sh"))) {
            throw new IllegalStateException("'" + dir + "' (system property '" + DISTRIBUTION_DIR_PROPERTY + "') is not"
                    + " an unpacked Sluice distribution: bin/connect-standalone.sh is missing; build it with"
                    + " mvn -pl distribution -am package");
        }
        return dir;
    }

    /**
     * Runs {@code bin/connect-standalone.sh workerProps connectorFiles...} in {@code workDir} with extra environment;
     * output goes to a log file in {@code workDir}.
     *
     * <p>Unless {@code extraEnv} sets them, {@code LOG_DIR} is {@code workDir/logs}, {@code KAFKA_HEAP_OPTS} is
     * {@value #TEST_HEAP_OPTS} and {@code KAFKA_JVM_PERFORMANCE_OPTS} is {@value #TEST_JVM_PERFORMANCE_OPTS}. The
     * process reads no stdin.
     *
     * @param workDir        working directory of the worker, also where its log file is created
     * @param workerProps    the worker properties file (passed as given, so a missing file can be tested)
     * @param connectorFiles connector properties or JSON files, in command-line order
     * @param extraEnv       environment variables added to (or replacing) this JVM's environment
     */
    public static WorkerProcess startStandalone(Path workDir, Path workerProps, List<Path> connectorFiles, Map<String, String> extraEnv) {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(workerProps, "workerProps");
        Objects.requireNonNull(connectorFiles, "connectorFiles");
        Objects.requireNonNull(extraEnv, "extraEnv");
        Path script = distributionDir().resolve("bin").resolve("connect-standalone.sh");
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.add(workerProps.toString());
        connectorFiles.forEach(file -> command.add(file.toString()));
        try {
            Files.createDirectories(workDir);
            Path logFile = Files.createTempFile(workDir, "worker-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.put("LOG_DIR", workDir.resolve("logs").toString());
            env.put("KAFKA_HEAP_OPTS", TEST_HEAP_OPTS);
            env.put("KAFKA_JVM_PERFORMANCE_OPTS", TEST_JVM_PERFORMANCE_OPTS);
            env.putAll(extraEnv);
            Files.writeString(logFile, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            return new WorkerProcess(builder.start(), logFile, List.copyOf(command));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the worker with " + command + " in " + workDir + ": " + e, e);
        }
    }

    /** @return the process id: the script's, which becomes the worker JVM's when the script {@code exec}s java */
    public long pid() {
        return process.pid();
    }

    /** @return the file that receives the worker's stdout and stderr */
    public Path logFile() {
        return logFile;
    }

    /** @return the whole output so far (UTF-8; a partly written last character is replaced) */
    public String log() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the worker's log " + logFile + ": " + e, e);
        }
    }

    /**
     * Waits until the output contains a match of {@code regex} (found with {@link java.util.regex.Matcher#find()}).
     *
     * @throws AssertionError with the log tail, if it is not seen within {@code timeout} or the worker exits first
     */
    public void awaitLog(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean exited = !process.isAlive();
            if (pattern.matcher(log()).find()) {
                return;
            }
            if (exited) {
                throw new AssertionError("The worker exited with code " + process.exitValue() + " before its log showed /"
                        + regex + "/\n" + tail());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("The worker's log did not show /" + regex + "/ within " + timeout + "\n" + tail());
            }
            sleepPollInterval();
        }
    }

    /** @return whether the worker process is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits for the worker to exit.
     *
     * @return the exit code (143 for a JVM that ran its shutdown hooks after SIGTERM)
     * @throws AssertionError with the log tail, if it does not exit within {@code timeout}; it is then killed
     */
    public int terminate(Duration timeout) {
        process.destroy();
        if (!waitFor(timeout)) {
            String message = "The worker (pid " + pid() + ") did not exit within " + timeout + " after SIGTERM; killed it\n" + tail();
            kill();
            throw new AssertionError(message);
        }
        return process.exitValue();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed worker (pid " + pid() + ") to exit", e);
        }
    }

    /**
     * Waits for the worker to exit on its own.
     *
     * @return the exit code
     * @throws AssertionError with the log tail, if it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new AssertionError("The worker (pid " + pid() + ") is still running " + timeout + " after it was started"
                    + " or waited for; expected it to exit\n" + tail());
        }
        return process.exitValue();
    }

    /** Kills the worker if it is still alive. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to run; it kills nothing that is not already dead
            }
        }
    }

    @Override
    public String toString() {
        return "WorkerProcess[pid=" + pid() + ", " + String.join(" ", command) + "]";
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the worker (pid " + pid() + ") to exit", e);
        }
    }

    private static void sleepPollInterval() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the worker's log", e);
        }
    }

    /** @return the last lines of the log, headed by the file's name, for failure messages */
    String tail() {
        List<String> lines;
        try (RandomAccessFile in = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(start > 0 ? 1 : 0, all.length - TAIL_LINES); // a cut first line is partial
            lines = Arrays.asList(all).subList(Math.min(from, all.length), all.length);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
        StringBuilder text = new StringBuilder("--- last ").append(lines.size()).append(" lines of ").append(logFile).append(" ---\n");
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}

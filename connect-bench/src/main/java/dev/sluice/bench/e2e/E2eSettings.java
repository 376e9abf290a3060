package dev.sluice.bench.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The settings of one end-to-end run, read from system properties.
 *
 * @param lines          records per measurement ({@code bench.e2e.lines}, default 1,000,000)
 * @param warmups        warm-up rounds, measured but not reported ({@code bench.e2e.warmups}, default 1)
 * @param runs           measured rounds after the warm-up ({@code bench.e2e.runs}, default 3)
 * @param lineLength     characters per input line, line separator excluded ({@code bench.e2e.lineLength}, default 100)
 * @param phaseTimeout   how long one phase may take before the run fails ({@code bench.e2e.phaseTimeoutSeconds}, 300)
 * @param workDir        where the input file, worker files and output files go ({@code bench.e2e.dir}, default
 *                       {@code e2e} in the reports folder; each run makes a new {@code run-*} folder in it)
 * @param reportsDir     where the Markdown table is written ({@code bench.reports}, default {@code target})
 * @param workerJvmOptions JVM options of both workers' child JVMs ({@code bench.e2e.workerJvm}, space-separated)
 */
record E2eSettings(int lines, int warmups, int runs, int lineLength, Duration phaseTimeout, Path workDir, Path reportsDir,
                   List<String> workerJvmOptions) {

    /**
     * Both workers get the heap and collector that Apache's {@code connect-standalone.sh} starts its worker with
     * ({@code KAFKA_HEAP_OPTS} and {@code KAFKA_JVM_PERFORMANCE_OPTS} of {@code kafka-run-class.sh}), with the
     * maximum heap lowered to 1 GB for a small machine.
     */
    static final String DEFAULT_WORKER_JVM = "-Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20"
        + " -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true";

    E2eSettings {
        if (lines < 1) {
            throw new IllegalArgumentException("bench.e2e.lines must be at least 1, got " + lines);
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("bench.e2e.warmups must be 0 or more, got " + warmups);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("bench.e2e.runs must be at least 1, got " + runs);
        }
        if (lineLength < LineFile.MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("bench.e2e.lineLength must be at least " + LineFile.MIN_LINE_LENGTH
                + " (room for the line number), got " + lineLength);
        }
    }

    /** The same settings with another working folder. */
    E2eSettings withWorkDir(Path dir) {
        return new E2eSettings(lines, warmups, runs, lineLength, phaseTimeout, dir, reportsDir, workerJvmOptions);
    }

    /** Reads the settings from system properties, with the defaults named on the record's components. */
    static E2eSettings fromSystemProperties() {
        Path reports = Paths.get(System.getProperty("bench.reports", "target"));
        String dir = System.getProperty("bench.e2e.dir", "");
        Path work = dir.isBlank() ? reports.resolve("e2e") : Paths.get(dir);
        String jvm = System.getProperty("bench.e2e.workerJvm", "");
        return new E2eSettings(
            Integer.getInteger("bench.e2e.lines", 1_000_000),
            Integer.getInteger("bench.e2e.warmups", 1),
            Integer.getInteger("bench.e2e.runs", 3),
            Integer.getInteger("bench.e2e.lineLength", 100),
            Duration.ofSeconds(Integer.getInteger("bench.e2e.phaseTimeoutSeconds", 300)),
            work.toAbsolutePath(),
            reports.toAbsolutePath(),
            List.of((jvm.isBlank() ? DEFAULT_WORKER_JVM : jvm).trim().split("\\s+")));
    }
}

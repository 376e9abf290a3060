package dev.sluice.bench.e2e;

import dev.sluice.bench.BenchmarkSuite;
import dev.sluice.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end benchmark: lines of a file through {@code FileStreamSource → JsonConverter → topic}, then
 * {@code topic → FileStreamSink} into another file, on our standalone worker and on Apache Kafka Connect 4.3.1's,
 * beside the raw producer and consumer ceiling of the same broker, all in one run.
 *
 * <p>One testkit broker; both workers run in child JVMs with the same JVM options, worker properties and connector
 * configs, and stay up for the whole run; every round uses fresh topics and connectors. Each round measures the raw
 * producer, the raw consumer and both workers' source and sink phases (the order of the two workers alternates from
 * round to round). The first round is a warm-up and is not reported. See {@link E2eSettings} for the settings and
 * {@code docs/performance.md} for how to run it.
 */
public final class EndToEndBenchmark {

    private static final Logger log = LoggerFactory.getLogger(EndToEndBenchmark.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC);
    private static final String INPUT_FILE = "input.txt";
    private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WORKER_STOP_TIMEOUT = Duration.ofSeconds(60);

    private EndToEndBenchmark() {
    }

    /** Runs the benchmark with the settings from system properties; prints the table and writes it as Markdown. */
    public static void main(String[] args) throws Exception {
        E2eSettings configured = E2eSettings.fromSystemProperties();
        // A fresh folder per run: a worker's offsets file left by an earlier run would make its source task resume
        // in the middle of the input.
        Files.createDirectories(configured.workDir());
        E2eSettings settings = configured.withWorkDir(Files.createTempDirectory(configured.workDir(),
            "run-" + FOLDER_TIME.format(Instant.now()) + "-"));
        try {
            run(settings);
        } finally {
            // The worker logs stay for inspection; the input is large.
            Files.deleteIfExists(settings.workDir().resolve(INPUT_FILE));
        }
    }

    private static void run(E2eSettings settings) throws Exception {
        Instant start = Instant.now();
        String loadBefore = BenchmarkSuite.loadAverage();
        log.info("End-to-end benchmark: {} lines of {} characters, {} warm-up + {} measured round(s), in {}",
            settings.lines(), settings.lineLength(), settings.warmups(), settings.runs(), settings.workDir());

        ResultTable table = new ResultTable();
        LineFile input = LineFile.write(settings.workDir().resolve(INPUT_FILE), settings.lines(), settings.lineLength());
        byte[][] values = rawValues(input);
        String brokerLoadBefore;
        try (KafkaCluster kafka = KafkaCluster.builder()
                 .brokers(1)
                 // The testkit's defaults are tuned for quick test start-up (C1 only); a benchmark wants the full JIT.
                 .jvmOptions("-Xms512m", "-Xmx1g", "-XX:TieredStopAtLevel=4")
                 .build()) {
            kafka.start();
            brokerLoadBefore = BenchmarkSuite.loadAverage();
            RawClientsCeiling raw = new RawClientsCeiling(kafka, settings.phaseTimeout());
            FilePipelineRun pipeline = new FilePipelineRun(kafka, new ConnectRestClient(), input,
                settings.workDir().resolve("out"), settings.phaseTimeout());
            try (BenchWorker ours = startOurs(kafka, settings); BenchWorker apache = startApache(kafka, settings)) {
                ours.awaitStarted(WORKER_START_TIMEOUT);
                apache.awaitStarted(WORKER_START_TIMEOUT);
                int rounds = settings.warmups() + settings.runs();
                for (int round = 0; round < rounds; round++) {
                    runRound(round, settings, kafka, raw, values, pipeline, ours, apache, table);
                }
                String oursWarnings = warnings(ours);
                String apacheWarnings = warnings(apache);
                report(settings, input, start, loadBefore, brokerLoadBefore, table, oursWarnings + apacheWarnings);
                stopQuietly(ours);
                stopQuietly(apache);
            }
        }
    }

    /**
     * One round: the raw producer and consumer, then both workers' source and sink phases, ours first in odd
     * rounds and Apache's first in even ones. Warm-up rounds come first and are only logged; the others go to the
     * table.
     */
    private static void runRound(int round, E2eSettings settings, KafkaCluster kafka, RawClientsCeiling raw, byte[][] values,
                                 FilePipelineRun pipeline, BenchWorker ours, BenchWorker apache, ResultTable table)
        throws Exception {
        String rawTopic = "e2e-raw-" + round;
        kafka.createTopic(rawTopic, 1, 1);
        Throughput produced = raw.produce(rawTopic, values);
        Throughput consumed = raw.consume(rawTopic, values.length);
        kafka.admin().deleteTopics(List.of(rawTopic)).all().get();
        boolean oursFirst = round % 2 == 1;
        FilePipelineRun.Result first = pipeline.run(oursFirst ? ours : apache, round);
        FilePipelineRun.Result second = pipeline.run(oursFirst ? apache : ours, round);
        FilePipelineRun.Result oursResult = oursFirst ? first : second;
        FilePipelineRun.Result apacheResult = oursFirst ? second : first;
        boolean measured = round >= settings.warmups();
        log.info("{}: raw producer {} /s, raw consumer {} /s, source ours {} /s Apache {} /s,"
                + " sink ours {} /s Apache {} /s (load {})", measured
                ? "round " + (round - settings.warmups() + 1) + "/" + settings.runs()
                : "warm-up " + (round + 1) + "/" + settings.warmups(),
            rate(produced), rate(consumed), rate(oursResult.source()), rate(apacheResult.source()),
            rate(oursResult.sink()), rate(apacheResult.sink()), BenchmarkSuite.loadAverage());
        if (measured) {
            table.add(ResultTable.RAW_PRODUCER, produced);
            table.add(ResultTable.RAW_CONSUMER, consumed);
            table.add(ResultTable.OURS_SOURCE, oursResult.source());
            table.add(ResultTable.APACHE_SOURCE, apacheResult.source());
            table.add(ResultTable.OURS_SINK, oursResult.sink());
            table.add(ResultTable.APACHE_SINK, apacheResult.sink());
        }
    }

    private static BenchWorker startOurs(KafkaCluster kafka, E2eSettings settings) {
        Path dir = settings.workDir().resolve("ours");
        int port = WorkerProperties.freePort();
        Path props = WorkerProperties.write(dir, WorkerProperties.of(kafka.bootstrapServers(), dir, port));
        return SluiceWorkerProcess.start(dir, props, port, withGcLog(settings.workerJvmOptions(), dir));
    }

    private static BenchWorker startApache(KafkaCluster kafka, E2eSettings settings) {
        Path dir = settings.workDir().resolve("apache");
        int port = WorkerProperties.freePort();
        Path props = WorkerProperties.write(dir, WorkerProperties.of(kafka.bootstrapServers(), dir, port));
        return ApacheWorkerProcess.start(dir, props, port, withGcLog(settings.workerJvmOptions(), dir));
    }

    /** Stops a worker after the figures are out; a slow stop is logged, as it does not change them. */
    private static void stopQuietly(BenchWorker worker) {
        try {
            worker.stop(WORKER_STOP_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("The {} worker did not stop cleanly: {}", worker.name(), e.getMessage());
        }
    }

    /** Adds a GC log in the worker's folder, to tell collector pauses from the worker's own stalls. */
    private static List<String> withGcLog(List<String> jvmOptions, Path dir) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xlog:gc:file=" + dir.resolve("gc.log") + ":time,uptime");
        return options;
    }

    /** The records the raw producer sends: what the connector's converter makes of each line. */
    private static byte[][] rawValues(LineFile input) {
        byte[][] values = new byte[input.count()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = input.jsonValue(i);
        }
        return values;
    }

    /** The worker's WARN and ERROR lines, at most 20, headed by its name; empty if there are none. */
    private static String warnings(BenchWorker worker) {
        List<String> lines = new ArrayList<>(LogFiles.matching(worker.logFile(), "] WARN "));
        lines.addAll(LogFiles.matching(worker.logFile(), "] ERROR "));
        if (lines.isEmpty()) {
            return "";
        }
        return "WARN/ERROR lines of the " + worker.name() + " worker (" + worker.logFile() + "), first 20 of "
            + lines.size() + ":\n" + String.join("\n", lines.subList(0, Math.min(20, lines.size()))) + "\n\n";
    }

    private static void report(E2eSettings settings, LineFile input, Instant start, String loadBefore,
                               String brokerLoadBefore, ResultTable table, String warnings) throws Exception {
        Instant end = Instant.now();
        String text = "## End-to-end: file → Kafka → file\n\n"
            + String.format(Locale.ROOT, "Run %s – %s, %d core(s), load average (1/5/15 min) %s at start,"
                    + " %s with the broker up, %s at the end.%n",
                TIME.format(start), TIME.format(end), Runtime.getRuntime().availableProcessors(), loadBefore,
                brokerLoadBefore, BenchmarkSuite.loadAverage())
            + String.format(Locale.ROOT, "%,d lines of %d characters (record value %d bytes of JSON), %d warm-up"
                    + " + %d measured round(s); worker JVMs: %s.%n%n",
                input.count(), settings.lineLength(), input.jsonValueSize(), settings.warmups(), settings.runs(),
                String.join(" ", settings.workerJvmOptions()))
            + table.markdown() + "\nPer round (records/s):\n\n" + table.rounds();
        Files.createDirectories(settings.reportsDir());
        Path file = settings.reportsDir().resolve("e2e-file-pipeline.md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(text);
        if (!warnings.isEmpty()) {
            System.out.println(warnings);
        }
        System.out.println("Written to " + file);
    }

    private static String rate(Throughput throughput) {
        return String.format(Locale.ROOT, "%,.0f", throughput.recordsPerSecond());
    }
}

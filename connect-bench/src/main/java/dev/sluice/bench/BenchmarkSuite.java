package dev.sluice.bench;

import dev.sluice.compat.ApacheJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this module in one JMH session and prints, for each benchmark class that ran, its
 * table of ours vs Apache, with the run's time and the load average before and after. Each table is also written
 * as Markdown to its own file in the folder named by {@code bench.reports} (default {@code target}):
 * {@code jmh-json-converter.md} and {@code jmh-transform-chain.md}.
 *
 * <p>Settings, overridable by system properties: {@code bench.include} (a JMH regular expression over
 * {@code <class>.<method>}; default all benchmarks of this package), {@code bench.forks} (1),
 * {@code bench.warmups} (3), {@code bench.iterations} (5), {@code bench.seconds} (2 per iteration).
 */
public final class BenchmarkSuite {

    private static final String DEFAULT_INCLUDE = "dev\\.sluice\\.bench\\.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    /** One benchmark class and how its results are reported. */
    private record Report(Class<?> benchmark, String title, String fileName,
                          Function<Collection<RunResult>, String> table) {

        List<RunResult> resultsOf(Collection<RunResult> all) {
            String prefix = benchmark.getName() + ".";
            return all.stream().filter(r -> r.getParams().getBenchmark().startsWith(prefix)).toList();
        }
    }

    private static final List<Report> REPORTS = List.of(
        new Report(JsonConverterBenchmark.class, "JsonConverter (JMH)", "jmh-json-converter.md",
            JsonConverterBenchmarks::table),
        new Report(TransformChainBenchmark.class, "Transform chain (JMH)", "jmh-transform-chain.md",
            TransformChainBenchmarks::table));

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        String apacheJars = ApacheJars.fromSystemProperty().directory().toAbsolutePath().toString();
        String include = System.getProperty("bench.include", "").isBlank()
            ? DEFAULT_INCLUDE : System.getProperty("bench.include");
        int forks = Integer.getInteger("bench.forks", 1);
        int warmups = Integer.getInteger("bench.warmups", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        int seconds = Integer.getInteger("bench.seconds", 2);
        Options options = new OptionsBuilder()
            .include(include)
            .forks(forks)
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            // The forked JVMs must find Apache's jars too.
            .jvmArgsAppend("-D" + ApacheJars.DIRECTORY_PROPERTY + "=" + apacheJars)
            .build();

        Instant start = Instant.now();
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = loadAverage();
        Instant end = Instant.now();

        String run = String.format("Run %s – %s, load average (1/5/15 min) %s before → %s after, %d core(s).%n"
                + "Settings: include=%s, %d fork(s), %d × %d s warm-up, %d × %d s measurement.%n",
            TIME.format(start), TIME.format(end), loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(),
            include, forks, warmups, seconds, iterations, seconds);
        Path folder = Paths.get(System.getProperty("bench.reports", "target"));
        Files.createDirectories(folder);
        for (Report report : REPORTS) {
            List<RunResult> own = report.resultsOf(results);
            if (own.isEmpty()) {
                continue;
            }
            String text = "## " + report.title() + "\n\n" + run + "\n" + report.table().apply(own);
            Path file = folder.resolve(report.fileName());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(text);
            System.out.println("Written to " + file.toAbsolutePath());
        }
    }

    /** The first three fields of {@code /proc/loadavg}, or a note that the platform has none. */
    public static String loadAverage() throws IOException {
        Path file = Paths.get("/proc/loadavg");
        if (!Files.isReadable(file)) {
            return "(no /proc/loadavg)";
        }
        String[] fields = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
        return String.join(" ", List.of(fields).subList(0, Math.min(3, fields.length)));
    }
}

package dev.sluice.bench;

import dev.sluice.compat.ApacheJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link JsonConverterBenchmark} through JMH and prints, for each operation and schema setting, our
 * throughput, Apache's and the ratio ours / Apache. The table is also written as Markdown to the file named by
 * {@code bench.report} (default {@code target/jmh-json-converter.md}).
 *
 * <p>Settings, overridable by system properties: {@code bench.forks} (1), {@code bench.warmups} (3),
 * {@code bench.iterations} (5), {@code bench.seconds} (2 per iteration).
 */
public final class JsonConverterBenchmarks {

    private JsonConverterBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        String apacheJars = ApacheJars.fromSystemProperty().directory().toAbsolutePath().toString();
        int seconds = Integer.getInteger("bench.seconds", 2);
        Options options = new OptionsBuilder()
            .include(JsonConverterBenchmark.class.getName())
            .forks(Integer.getInteger("bench.forks", 1))
            .warmupIterations(Integer.getInteger("bench.warmups", 3))
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(Integer.getInteger("bench.iterations", 5))
            .measurementTime(TimeValue.seconds(seconds))
            // The forked JVMs must find Apache's jars too.
            .jvmArgsAppend("-D" + ApacheJars.DIRECTORY_PROPERTY + "=" + apacheJars)
            .build();
        Collection<RunResult> results = new Runner(options).run();
        String table = table(results);
        System.out.println();
        System.out.println(table);
        Path report = Paths.get(System.getProperty("bench.report", "target/jmh-json-converter.md"));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, table, StandardCharsets.UTF_8);
        System.out.println("Written to " + report.toAbsolutePath());
    }

    /** A Markdown table: one row per operation and schema setting, with the ratio ours / Apache. */
    static String table(Collection<RunResult> results) {
        Map<String, double[]> rows = new TreeMap<>();
        Map<String, double[]> errors = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String row = method + " | schemas.enable=" + result.getParams().getParam("schemas");
            int column = "ours".equals(result.getParams().getParam("implementation")) ? 0 : 1;
            rows.computeIfAbsent(row, r -> new double[2])[column] = result.getPrimaryResult().getScore();
            errors.computeIfAbsent(row, r -> new double[2])[column] = result.getPrimaryResult().getScoreError();
        }
        StringBuilder out = new StringBuilder();
        out.append("| operation | schemas | ours (ops/s) | Apache 4.3.1 (ops/s) | ours / Apache |\n");
        out.append("| --- | --- | ---: | ---: | ---: |\n");
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            double[] score = row.getValue();
            double[] error = errors.get(row.getKey());
            String[] names = row.getKey().split(" \\| ");
            out.append(String.format("| %s | %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %.2f× |%n", names[0],
                names[1], score[0], error[0], score[1], error[1], score[1] == 0 ? Double.NaN : score[0] / score[1]));
        }
        return out.toString();
    }
}

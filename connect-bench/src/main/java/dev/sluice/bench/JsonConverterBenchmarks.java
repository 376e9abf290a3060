package dev.sluice.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * The report of {@link JsonConverterBenchmark}: for each operation and schema setting, our throughput, Apache's
 * and the ratio ours / Apache. {@link BenchmarkSuite} runs the benchmark and writes the table.
 */
public final class JsonConverterBenchmarks {

    private JsonConverterBenchmarks() {
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

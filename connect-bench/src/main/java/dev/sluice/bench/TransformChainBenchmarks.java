package dev.sluice.bench;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The report of {@link TransformChainBenchmark}: our throughput, Apache's, the ratio ours / Apache and the range
 * of ratios that the error bars allow. {@link BenchmarkSuite} runs the benchmark and writes the table.
 */
public final class TransformChainBenchmarks {

    private TransformChainBenchmarks() {
    }

    /** A one-row Markdown table; a side that did not run shows as 0 ops/s and makes the ratios NaN. */
    static String table(Collection<RunResult> results) {
        double[] score = new double[2];
        double[] error = new double[2];
        for (RunResult result : results) {
            int column = "ours".equals(result.getParams().getParam("implementation")) ? 0 : 1;
            Result<?> primary = result.getPrimaryResult();
            score[column] = primary.getScore();
            error[column] = primary.getScoreError();
        }
        StringBuilder out = new StringBuilder();
        out.append("| chain | ours (ops/s) | Apache 4.3.1 (ops/s) | ours / Apache | ratio within error bars |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        out.append(String.format("| ReplaceField → InsertField → TimestampConverter → RegexRouter"
                + " | %,.0f ± %,.0f | %,.0f ± %,.0f | %.2f× | %s |%n",
            score[0], error[0], score[1], error[1], ratio(score[0], score[1]), ratioRange(score, error)));
        return out.toString();
    }

    private static double ratio(double ours, double apache) {
        return apache == 0 ? Double.NaN : ours / apache;
    }

    /**
     * The lowest and highest ratio compatible with both scores' error bars (JMH's 99.9% intervals): a speed-up
     * is supported only when the lower bound is above 1. JMH reports no error for a single iteration.
     */
    static String ratioRange(double[] score, double[] error) {
        if (Double.isNaN(error[0]) || Double.isNaN(error[1])) {
            return "n/a (needs ≥ 2 iterations)";
        }
        double low = Math.max(0, score[0] - error[0]) / (score[1] + error[1]);
        double apacheLow = score[1] - error[1];
        String high = apacheLow <= 0 ? "∞" : String.format("%.2f×", (score[0] + error[0]) / apacheLow);
        return String.format("%.2f× – %s", low, high);
    }
}

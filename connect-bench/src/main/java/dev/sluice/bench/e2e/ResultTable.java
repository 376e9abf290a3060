package dev.sluice.bench.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the measured rounds and renders them as Markdown: records/s (median, min, max) of each series, the
 * ratios ours / Apache and worker / raw client, and the start-up and pause figures of the worker phases.
 */
final class ResultTable {

    static final String RAW_PRODUCER = "raw producer";
    static final String RAW_CONSUMER = "raw consumer";
    static final String OURS_SOURCE = "ours: source (file → topic)";
    static final String APACHE_SOURCE = "Apache 4.3.1: source (file → topic)";
    static final String OURS_SINK = "ours: sink (topic → file)";
    static final String APACHE_SINK = "Apache 4.3.1: sink (topic → file)";

    private final Map<String, List<Throughput>> series = new LinkedHashMap<>();

    ResultTable() {
        for (String name : List.of(RAW_PRODUCER, RAW_CONSUMER, OURS_SOURCE, APACHE_SOURCE, OURS_SINK, APACHE_SINK)) {
            series.put(name, new ArrayList<>());
        }
    }

    /** Adds one measured round of series {@code name}. */
    void add(String name, Throughput sample) {
        List<Throughput> samples = series.get(name);
        if (samples == null) {
            throw new IllegalArgumentException("No series named '" + name + "' in the end-to-end table");
        }
        samples.add(sample);
    }

    /** The Markdown tables. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| series | records/s median | min | max | seconds (median) | first record ms (median)"
            + " | longest pause ms (max) |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        series.forEach((name, samples) -> {
            boolean sampled = !name.startsWith("raw");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %s |%n", name,
                rate(median(samples, Throughput::recordsPerSecond)),
                rate(min(samples, Throughput::recordsPerSecond)),
                rate(max(samples, Throughput::recordsPerSecond)),
                median(samples, Throughput::seconds),
                sampled ? String.format(Locale.ROOT, "%.0f", median(samples, t -> t.firstRecordMillis())) : "–",
                sampled ? String.format(Locale.ROOT, "%.0f", max(samples, t -> t.longestPauseMillis())) : "–"));
        });
        out.append("\n| ratio (of medians) | value | per-round range |\n| --- | ---: | ---: |\n");
        ratio(out, "source: ours / Apache", OURS_SOURCE, APACHE_SOURCE);
        ratio(out, "sink: ours / Apache", OURS_SINK, APACHE_SINK);
        ratio(out, "source: ours / raw producer", OURS_SOURCE, RAW_PRODUCER);
        ratio(out, "source: Apache / raw producer", APACHE_SOURCE, RAW_PRODUCER);
        ratio(out, "sink: ours / raw consumer", OURS_SINK, RAW_CONSUMER);
        ratio(out, "sink: Apache / raw consumer", APACHE_SINK, RAW_CONSUMER);
        return out.toString();
    }

    /** One line per round, records/s of every series, for the record. */
    String rounds() {
        StringBuilder out = new StringBuilder("| round |");
        series.keySet().forEach(name -> out.append(' ').append(name).append(" |"));
        out.append("\n| ---: |");
        series.keySet().forEach(name -> out.append(" ---: |"));
        out.append('\n');
        int rounds = series.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < rounds; i++) {
            out.append("| ").append(i + 1).append(" |");
            for (List<Throughput> samples : series.values()) {
                out.append(' ').append(i < samples.size() ? rate(samples.get(i).recordsPerSecond()) : "–").append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void ratio(StringBuilder out, String label, String numerator, String denominator) {
        List<Throughput> top = series.get(numerator);
        List<Throughput> bottom = series.get(denominator);
        double value = median(top, Throughput::recordsPerSecond) / median(bottom, Throughput::recordsPerSecond);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
            double r = top.get(i).recordsPerSecond() / bottom.get(i).recordsPerSecond();
            low = Math.min(low, r);
            high = Math.max(high, r);
        }
        out.append(String.format(Locale.ROOT, "| %s | %.2f× | %.2f× – %.2f× |%n", label, value, low, high));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static double median(List<Throughput> samples, ToDoubleFunction<Throughput> value) {
        List<Double> sorted = samples.stream().map(value::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static double min(List<Throughput> samples, ToDoubleFunction<Throughput> value) {
        return samples.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<Throughput> samples, ToDoubleFunction<Throughput> value) {
        return samples.stream().mapToDouble(value).max().orElse(Double.NaN);
    }
}

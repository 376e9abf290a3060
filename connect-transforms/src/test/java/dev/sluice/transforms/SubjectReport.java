package dev.sluice.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the differential test found for one transform or predicate, configuration by configuration, and
 * its rendering: a one-line summary, a short failure message and a full report with every kind of
 * difference, each shown with an input and both answers.
 *
 * <p>An answer is a list of strings as {@link TransformDriver} returns it: {@code [kind]},
 * {@code [kind, rendering]} or {@code [kind, exception class, message]}.
 */
final class SubjectReport {

    private final String subject;
    private final long seed;
    private final String reportFile;
    private final Function<Map<String, Object>, String> inputRenderer;
    private final Map<String, ConfigReport> configs = new LinkedHashMap<>();
    private long cpuMillis;

    /**
     * @param subject       the transform's simple name, as it appears in reports
     * @param seed          the base seed of the random records
     * @param reportFile    the file that holds the full report, named in failure messages
     * @param inputRenderer renders an input record description for a report
     */
    SubjectReport(String subject, long seed, String reportFile, Function<Map<String, Object>, String> inputRenderer) {
        this.subject = subject;
        this.seed = seed;
        this.reportFile = reportFile;
        this.inputRenderer = inputRenderer;
    }

    /** Equal renderings, or the same kind of failure with the same exception class. */
    static boolean sameOutcome(List<?> theirs, List<?> mine) {
        if (!theirs.get(0).equals(mine.get(0))) {
            return false;
        }
        return theirs.size() < 2 || theirs.get(1).equals(mine.get(1));
    }

    static String describe(List<?> answer) {
        if (answer.size() > 2) {
            return answer.get(0) + " " + answer.get(1) + ": " + answer.get(2);
        }
        return String.join(" ", answer.stream().map(String::valueOf).toList());
    }

    /** Starts the report of one configuration. */
    ConfigReport config(String label, Map<String, String> config) {
        ConfigReport report = new ConfigReport(label, config);
        configs.put(label, report);
        return report;
    }

    void cpuMillis(long millis) {
        cpuMillis = millis;
    }

    List<ConfigReport> differing() {
        return configs.values().stream().filter(ConfigReport::differs).toList();
    }

    String summary() {
        int compared = configs.values().stream().mapToInt(c -> c.compared).sum();
        int failedAlike = configs.values().stream().mapToInt(c -> c.failedAlike).sum();
        int differing = configs.values().stream()
            .mapToInt(c -> c.differences.size() + (c.configureDifference == null ? 0 : 1)).sum();
        int documented = configs.values().stream()
            .mapToInt(c -> c.documented.values().stream().mapToInt(n -> Math.max(n, 1)).sum()).sum();
        return subject + ": " + configs.size() + " configurations, " + compared + " cases compared ("
            + failedAlike + " failing alike), " + differing + " differing in " + differing().size()
            + " configurations" + (documented > 0 ? ", " + documented + " documented differences" : "") + "; "
            + cpuMillis + " ms CPU";
    }

    /** The summary and one example of the first few differing configurations, cut short. */
    String failureMessage() {
        StringBuilder out = new StringBuilder(summary()).append(" (seed ").append(seed).append(')');
        int shown = 0;
        for (ConfigReport c : differing()) {
            if (shown++ == 8) {
                out.append("\n... and more in ").append(reportFile);
                break;
            }
            String report = configReport(c, 1);
            out.append("\n").append(report.length() > 3000 ? report.substring(0, 3000) + " [...]" : report);
        }
        return out.toString();
    }

    /** Every differing configuration with up to {@code examples} kinds of difference, then notices. */
    String fullReport(int examples) {
        StringBuilder out = new StringBuilder("## ").append(summary()).append('\n');
        for (ConfigReport c : differing()) {
            out.append(configReport(c, examples)).append('\n');
        }
        for (ConfigReport c : configs.values()) {
            for (String notice : c.notices) {
                out.append("- notice: ").append(c.heading()).append(": ").append(notice).append('\n');
            }
            c.documented.forEach((reason, records) -> out.append("- documented difference: ").append(c.heading())
                .append(records == 0 ? " at configure" : " in " + records + " records").append(": ").append(reason)
                .append('\n'));
            if (!c.messageDifferences.isEmpty()) {
                out.append("- message differs (same exception class) in ").append(c.messageDifferences.size())
                    .append(" records: ").append(c.heading()).append('\n')
                    .append(describe(c.messageDifferences.get(0))).append('\n');
            }
        }
        return out.toString();
    }

    private String configReport(ConfigReport c, int examples) {
        StringBuilder out = new StringBuilder("### ").append(c.heading());
        if (c.configureDifference != null) {
            out.append('\n').append(c.configureDifference);
        }
        if (!c.differences.isEmpty()) {
            Map<String, List<Difference>> kinds = new LinkedHashMap<>();
            c.differences.forEach(d -> kinds.computeIfAbsent(d.signature(), k -> new ArrayList<>()).add(d));
            out.append("\n  ").append(c.differences.size()).append(" of ").append(c.compared)
                .append(" records differ, in ").append(kinds.size()).append(" ways:");
            kinds.entrySet().stream().limit(examples).forEach(kind -> out.append("\n  * ")
                .append(kind.getValue().size()).append(" records: ").append(kind.getKey()).append(", for example\n")
                .append(describe(kind.getValue().get(0))));
        }
        return out.toString();
    }

    private String describe(Difference d) {
        String apacheText = describe(d.theirs);
        String ourText = describe(d.mine);
        boolean comparable = d.theirs.get(0).equals("record") && d.mine.get(0).equals("record")
            || d.theirs.size() > 2 && d.theirs.get(1).equals(d.mine.get(1));
        return "  - record: " + d.label + (d.reproducesAlone ? "" : " (differs only after the earlier records of"
            + " the same configuration: state carried between records)")
            + "\n    input:  " + indent(inputRenderer.apply(d.record))
            + "\n    apache: " + indent(apacheText)
            + "\n    ours:   " + indent(ourText)
            + (comparable ? "\n    first divergence:" + firstDivergence(apacheText, ourText) : "");
    }

    private static int firstDifferenceAt(String a, String b) {
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        return at;
    }

    /** The first word of the rendering's line that holds offset {@code at}, such as {@code value:}. */
    private static String lineLabel(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return text.substring(lineStart, Math.min(text.length(), lineStart + 12)).trim().split(" ")[0];
    }

    /** The line where two renderings first differ, cut to the neighbourhood of the difference. */
    private static String firstDivergence(String theirs, String mine) {
        int at = firstDifferenceAt(theirs, mine);
        int lineStart = theirs.lastIndexOf('\n', at - 1) + 1;
        int from = Math.max(lineStart, at - 160);
        return "\n      in '" + lineLabel(theirs, at) + "' at offset " + (at - lineStart)
            + "\n      apache: ..." + excerpt(theirs, from, at)
            + "\n      ours:   ..." + excerpt(mine, from, at);
    }

    private static String excerpt(String text, int from, int at) {
        int end = text.indexOf('\n', at);
        end = Math.min(end < 0 ? text.length() : end, at + 200);
        return from >= text.length() ? "<end>" : text.substring(from, Math.max(from, end));
    }

    private static String indent(String text) {
        return text.replace("\n", "\n            ");
    }

    /** One record whose answers differ (or, for message differences, whose exception messages differ). */
    record Difference(String label, Map<String, Object> record, List<?> theirs, List<?> mine,
                      boolean reproducesAlone) {

        /** What kind of difference this is: the two outcomes, and where two records diverge. */
        String signature() {
            String apacheKind = theirs.get(0) + (theirs.size() > 2 ? " " + theirs.get(1) : "");
            String ourKind = mine.get(0) + (mine.size() > 2 ? " " + mine.get(1) : "");
            if (apacheKind.equals("record") && ourKind.equals("record")) {
                String a = SubjectReport.describe(theirs);
                return "both records, differing in '" + lineLabel(a, firstDifferenceAt(a, SubjectReport.describe(mine)))
                    + "'";
            }
            String kinds = "apache " + apacheKind + " / ours " + ourKind;
            boolean inputOnOneSide = theirs.get(0).equals("input-throws") != mine.get(0).equals("input-throws");
            // Building the input record uses only connect-api, so a difference there is connect-api's.
            return inputOnOneSide ? "connect-api difference (the input record builds on one side only): " + kinds
                : kinds;
        }
    }

    /** The comparison of one configuration. */
    final class ConfigReport {
        final String label;
        final Map<String, String> config;
        final List<Difference> differences = new ArrayList<>();
        final List<Difference> messageDifferences = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        /** Documented deliberate differences: reason to the number of records (0 for configure). */
        final Map<String, Integer> documented = new LinkedHashMap<>();
        String configureDifference;
        int compared;
        int failedAlike;

        ConfigReport(String label, Map<String, String> config) {
            this.label = label;
            this.config = config;
        }

        /**
         * Records the answers of {@code configure} when at least one side refused the configuration.
         *
         * @param documentedReason why a difference here is deliberate, or null
         */
        void compareConfigure(List<?> theirs, List<?> mine, boolean expectedInvalid, String documentedReason) {
            compared++;
            if (!sameOutcome(theirs, mine) && documentedReason != null) {
                documented.merge(documentedReason, 0, Integer::sum);
            } else if (!sameOutcome(theirs, mine)) {
                configureDifference = "  - configure\n    apache: " + describe(theirs)
                    + "\n    ours:   " + describe(mine);
            } else {
                failedAlike++;
                if (theirs.size() > 2 && !theirs.get(2).equals(mine.get(2))) {
                    notices.add("configure message differs\n    apache: " + describe(theirs) + "\n    ours:   "
                        + describe(mine));
                }
            }
            if (!expectedInvalid && theirs.get(0).equals("configure-throws")) {
                notices.add("Apache refuses a configuration not labelled invalid: " + describe(theirs));
            }
        }

        boolean differs() {
            return configureDifference != null || !differences.isEmpty();
        }

        String heading() {
            return subject + " with config '" + label + "' " + config;
        }
    }
}

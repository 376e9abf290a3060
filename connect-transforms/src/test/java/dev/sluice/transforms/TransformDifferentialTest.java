package dev.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds the same configurations and records to our transforms and predicates and to Apache Kafka's
 * connect-transforms 4.3.1, and requires equal results: the whole output record (class, topic, partition,
 * timestamp, key and value with their schemas and Java classes, headers, sink and source metadata) or the
 * same predicate answer, or else the same exception class from {@code configure}, {@code apply} or
 * {@code test}. Exception messages are compared too but only reported.
 *
 * <p>Each configuration of {@link TransformCatalog} sees the records of {@link HandWrittenRecords} and
 * {@value #RANDOM_RECORDS_PER_CONFIG} records from {@link RecordGenerator}, seeded per transform and
 * configuration from {@link #SEED} (or the system property {@value #SEED_PROPERTY}). A full report of the
 * differences is written to {@value #REPORT_FILE} in the build folder.
 */
class TransformDifferentialTest {

    /** Fixed so that a failure reproduces; printed so that a log names it. */
    static final long SEED = 0x7A4_5F0C_2026L;
    static final String SEED_PROPERTY = "sluice.transforms.seed";
    static final int RANDOM_RECORDS_PER_CONFIG = 300;
    static final String REPORT_FILE = "transform-differences.md";
    private static final int EXAMPLES_PER_CONFIG = 6;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final java.util.regex.Pattern IDENTITY_HASH = java.util.regex.Pattern.compile("@[0-9a-f]{1,8}\\b");

    private static ApacheClassLoader apacheLoader;
    private static Function<Object, Object> apache;
    private static Function<Object, Object> ours;
    private static Map<String, Map<String, Object>> handWritten;
    private static final Map<String, SubjectOutcome> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadBothImplementations() {
        apacheLoader = ApacheClassLoader.forArtifacts("connect-api", "connect-transforms");
        apache = apacheLoader.newDriver(TransformDriver.class, Function.class);
        ours = new TransformDriver();
        handWritten = HandWrittenRecords.all();
        System.out.println("TransformDifferentialTest seed = " + seed() + " (" + RANDOM_RECORDS_PER_CONFIG
            + " random and " + handWritten.size() + " hand-written records per configuration)");
    }

    @AfterAll
    static void writeReportAndCloseApacheLoader() throws IOException {
        try {
            Path buildDir = ApacheJars.fromSystemProperty().directory().toAbsolutePath().getParent();
            StringBuilder report = new StringBuilder("# Transform differences, seed " + seed() + "\n");
            OUTCOMES.values().forEach(o -> report.append('\n').append(o.fullReport()));
            Files.writeString(buildDir.resolve(REPORT_FILE), report, StandardCharsets.UTF_8);
        } finally {
            apacheLoader.close();
        }
    }

    static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        return configured == null || configured.isBlank() ? SEED : Long.decode(configured.trim());
    }

    @TestFactory
    Stream<DynamicTest> everyTransformAndPredicateBehavesLikeApache() {
        return TransformCatalog.all().stream().map(subject -> DynamicTest.dynamicTest(
            subject.simpleName() + " behaves like Apache's", () -> {
                SubjectOutcome outcome = compare(subject);
                System.out.println(outcome.summary());
                assertTrue(outcome.differences.isEmpty(), outcome.failureMessage());
            }));
    }

    /**
     * Keys, types, defaults, importance, validators, groups, display names and versions must match;
     * the documentation text is our own wording and is only compared for the report.
     */
    @Test
    void configDefinitionsAndVersionsMatchApacheApartFromDocumentation() {
        List<String> differences = new ArrayList<>();
        for (TransformCatalog.Subject subject : TransformCatalog.all()) {
            Map<String, Object> request = Map.of("op", "config", "class", subject.className());
            List<?> theirs = withoutDocumentation((List<?>) ((List<?>) apache.apply(request)).get(0));
            List<?> mine = withoutDocumentation((List<?>) ((List<?>) ours.apply(request)).get(0));
            if (!theirs.equals(mine)) {
                differences.add(subject.simpleName() + " config() " + lineDifferences(theirs, mine));
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " config definitions differ from Apache's:\n"
            + String.join("\n", differences));
    }

    private static List<?> withoutDocumentation(List<?> answer) {
        if (!answer.get(0).equals("config")) {
            return answer;
        }
        return List.of("config", answer.get(1).toString().replaceAll("(?m)^  documentation=.*\n", ""));
    }

    /** The lines of one rendering that the other lacks, or both answers when they are not both renderings. */
    private static String lineDifferences(List<?> theirs, List<?> mine) {
        if (!theirs.get(0).equals("config") || !mine.get(0).equals("config")) {
            return "\n    apache: " + describe(theirs) + "\n    ours:   " + describe(mine);
        }
        List<String> theirLines = List.of(theirs.get(1).toString().split("\n"));
        List<String> myLines = List.of(mine.get(1).toString().split("\n"));
        StringBuilder out = new StringBuilder();
        theirLines.stream().filter(line -> !myLines.contains(line))
            .forEach(line -> out.append("\n    apache: ").append(line));
        myLines.stream().filter(line -> !theirLines.contains(line))
            .forEach(line -> out.append("\n    ours:   ").append(line));
        return out.length() > 0 ? out.toString() : "\n    (same lines, different order)";
    }

    private static SubjectOutcome compare(TransformCatalog.Subject subject) {
        long cpuStart = CPU.getCurrentThreadCpuTime();
        SubjectOutcome outcome = new SubjectOutcome(subject.simpleName());
        synchronized (OUTCOMES) {
            OUTCOMES.put(subject.className(), outcome);
        }
        String op = subject.predicate() ? "test" : "apply";
        for (Map.Entry<String, Map<String, String>> config : subject.configs().entrySet()) {
            String configLabel = config.getKey();
            List<String> labels = new ArrayList<>(handWritten.keySet());
            List<Map<String, Object>> records = new ArrayList<>(handWritten.values());
            long configSeed = seed() ^ (31L * subject.className().hashCode() + configLabel.hashCode());
            RecordGenerator generator = new RecordGenerator(configSeed);
            for (int i = 0; i < RANDOM_RECORDS_PER_CONFIG; i++) {
                labels.add("random #" + i + " of seed " + configSeed);
                records.add(generator.record());
            }
            Map<String, Object> request = request(op, subject.className(), config.getValue(), records);
            List<?> theirs = (List<?>) apache.apply(request);
            List<?> mine = (List<?>) ours.apply(request);
            ConfigOutcome result = outcome.config(configLabel, config.getValue());
            if (isConfigureFailure(theirs) || isConfigureFailure(mine)) {
                result.compareConfigure(answer(theirs, 0), answer(mine, 0), configLabel.endsWith("(invalid)"));
                continue;
            }
            if (configLabel.endsWith("(invalid)")) {
                result.notices.add("labelled invalid but Apache accepts it");
            }
            for (int i = 0; i < records.size(); i++) {
                List<?> their = answer(theirs, i);
                List<?> my = answer(mine, i);
                result.compared++;
                if (their.get(0).toString().endsWith("-throws")) {
                    result.failedAlike++;
                }
                if (!sameOutcome(their, my)) {
                    result.differences.add(new Difference(labels.get(i), records.get(i), their, my,
                        reproducesAlone(op, subject.className(), config.getValue(), records.get(i))));
                } else if (their.size() > 2
                    && !withoutIdentityHashes(their.get(2)).equals(withoutIdentityHashes(my.get(2)))) {
                    result.messageDifferences.add(new Difference(labels.get(i), records.get(i), their, my, true));
                }
            }
        }
        outcome.cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        return outcome;
    }

    /** A message with identity hash codes ({@code [B@1b2c3d}, from records' toString) made comparable. */
    private static String withoutIdentityHashes(Object message) {
        return IDENTITY_HASH.matcher(String.valueOf(message)).replaceAll("@#");
    }

    private static Map<String, Object> request(String op, String className, Map<String, String> config,
                                               List<Map<String, Object>> records) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", op);
        request.put("class", className);
        request.put("config", config);
        request.put("records", records);
        return request;
    }

    private static boolean isConfigureFailure(List<?> answers) {
        List<?> first = answer(answers, 0);
        return first.get(0).equals("configure-throws") || first.get(0).equals("missing");
    }

    private static List<?> answer(List<?> answers, int index) {
        return (List<?>) answers.get(index);
    }

    /** Equal renderings, or the same kind of failure with the same exception class. */
    static boolean sameOutcome(List<?> theirs, List<?> mine) {
        if (!theirs.get(0).equals(mine.get(0))) {
            return false;
        }
        return theirs.size() < 2 || theirs.get(1).equals(mine.get(1));
    }

    /** Whether a differing record differs also when it is the only record a fresh instance sees. */
    private static boolean reproducesAlone(String op, String className, Map<String, String> config,
                                           Map<String, Object> record) {
        Map<String, Object> request = request(op, className, config, List.of(record));
        return !sameOutcome(answer((List<?>) apache.apply(request), 0), answer((List<?>) ours.apply(request), 0));
    }

    private static String renderInput(Map<String, Object> record) {
        List<?> rendered = answer((List<?>) apache.apply(Map.of("op", "render", "records", List.of(record))), 0);
        return String.valueOf(rendered.get(rendered.size() > 2 ? 2 : 1));
    }

    private static String describe(List<?> answer) {
        if (answer.size() > 2) {
            return answer.get(0) + " " + answer.get(1) + ": " + answer.get(2);
        }
        return String.join(" ", answer.stream().map(String::valueOf).toList());
    }

    /** One differing record. */
    private record Difference(String label, Map<String, Object> record, List<?> theirs, List<?> mine,
                              boolean reproducesAlone) {
        String describe() {
            String apacheText = TransformDifferentialTest.describe(theirs);
            String ourText = TransformDifferentialTest.describe(mine);
            return "  - record: " + label + (reproducesAlone ? "" : " (differs only after the earlier records of"
                + " the same configuration: state carried between records)")
                + "\n    input:  " + indent(renderInput(record))
                + "\n    apache: " + indent(apacheText)
                + "\n    ours:   " + indent(ourText)
                + (theirs.get(0).equals("record") && mine.get(0).equals("record")
                    || theirs.size() > 2 && theirs.get(1).equals(mine.get(1))
                    ? "\n    first divergence:" + firstDivergence(apacheText, ourText) : "");
        }

        /** What kind of difference this is: the two outcomes, and where two records diverge. */
        String signature() {
            String apacheKind = theirs.get(0) + (theirs.size() > 2 ? " " + theirs.get(1) : "");
            String ourKind = mine.get(0) + (mine.size() > 2 ? " " + mine.get(1) : "");
            if (apacheKind.equals("record") && ourKind.equals("record")) {
                String a = TransformDifferentialTest.describe(theirs);
                String b = TransformDifferentialTest.describe(mine);
                int at = 0;
                while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                int lineStart = a.lastIndexOf('\n', at - 1) + 1;
                return "both records, differing in '" + a.substring(lineStart, Math.min(a.length(), lineStart + 12))
                    .trim().split(" ")[0] + "'";
            }
            return "apache " + apacheKind + " / ours " + ourKind;
        }

        /** The line where two renderings first differ, cut to the neighbourhood of the difference. */
        private static String firstDivergence(String theirs, String mine) {
            int at = 0;
            while (at < theirs.length() && at < mine.length() && theirs.charAt(at) == mine.charAt(at)) {
                at++;
            }
            int lineStart = Math.max(theirs.lastIndexOf('\n', at - 1) + 1, 0);
            String line = theirs.substring(lineStart, Math.min(theirs.length(), lineStart + 12)).trim();
            int from = Math.max(lineStart, at - 160);
            return "\n      in '" + line.split(" ")[0] + "' at offset " + (at - lineStart)
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
    }

    /** The comparison of one configuration of one subject. */
    private static final class ConfigOutcome {
        final String label;
        final Map<String, String> config;
        final List<Difference> differences = new ArrayList<>();
        final List<Difference> messageDifferences = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        String configureDifference;
        int compared;
        int failedAlike;

        ConfigOutcome(String label, Map<String, String> config) {
            this.label = label;
            this.config = config;
        }

        void compareConfigure(List<?> theirs, List<?> mine, boolean expectedInvalid) {
            compared++;
            if (!sameOutcome(theirs, mine)) {
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

        String heading(String subject) {
            return subject + " with config '" + label + "' " + config;
        }
    }

    /** The comparison of every configuration of one subject. */
    private static final class SubjectOutcome {
        final String subject;
        final Map<String, ConfigOutcome> configs = new LinkedHashMap<>();
        final List<ConfigOutcome> differences = new ArrayList<>();
        long cpuMillis;

        SubjectOutcome(String subject) {
            this.subject = subject;
        }

        ConfigOutcome config(String label, Map<String, String> config) {
            ConfigOutcome outcome = new ConfigOutcome(label, config);
            configs.put(label, outcome);
            return outcome;
        }

        int compared() {
            return configs.values().stream().mapToInt(c -> c.compared).sum();
        }

        String summary() {
            for (ConfigOutcome c : configs.values()) {
                if (c.differs() && !differences.contains(c)) {
                    differences.add(c);
                }
            }
            int failedAlike = configs.values().stream().mapToInt(c -> c.failedAlike).sum();
            int differing = configs.values().stream()
                .mapToInt(c -> c.differences.size() + (c.configureDifference == null ? 0 : 1)).sum();
            return subject + ": " + configs.size() + " configurations, " + compared() + " cases compared ("
                + failedAlike + " failing alike), " + differing + " differing in " + differences.size()
                + " configurations; " + cpuMillis + " ms CPU";
        }

        String failureMessage() {
            StringBuilder out = new StringBuilder(summary()).append(" (seed ").append(seed()).append(')');
            int shown = 0;
            for (ConfigOutcome c : differences) {
                if (shown++ == 8) {
                    out.append("\n... and more in ").append(REPORT_FILE);
                    break;
                }
                out.append("\n").append(configReport(c, 1));
            }
            return out.toString();
        }

        String fullReport() {
            StringBuilder out = new StringBuilder("## ").append(summary()).append('\n');
            for (ConfigOutcome c : configs.values()) {
                if (c.differs()) {
                    out.append(configReport(c, EXAMPLES_PER_CONFIG)).append('\n');
                }
            }
            for (ConfigOutcome c : configs.values()) {
                for (String notice : c.notices) {
                    out.append("- notice: ").append(c.heading(subject)).append(": ").append(notice).append('\n');
                }
                if (!c.messageDifferences.isEmpty()) {
                    out.append("- message differs (same exception class) in ").append(c.messageDifferences.size())
                        .append(" records: ").append(c.heading(subject)).append('\n')
                        .append(c.messageDifferences.get(0).describe()).append('\n');
                }
            }
            return out.toString();
        }

        private String configReport(ConfigOutcome c, int examples) {
            StringBuilder out = new StringBuilder("### ").append(c.heading(subject));
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
                    .append(kind.getValue().get(0).describe()));
            }
            return out.toString();
        }
    }
}

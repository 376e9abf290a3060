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
import java.util.regex.Pattern;
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
 * {@code test}. Exception messages are compared too but only reported, and so are the deliberate
 * differences that {@link DocumentedDifferences} lists.
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
    private static final Pattern IDENTITY_HASH = Pattern.compile("@[0-9a-f]{1,8}\\b");

    private static ApacheClassLoader apacheLoader;
    private static Function<Object, Object> apache;
    private static Function<Object, Object> ours;
    private static Map<String, Map<String, Object>> handWritten;
    private static final Map<String, SubjectReport> REPORTS = new LinkedHashMap<>();

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
            REPORTS.values().forEach(r -> report.append('\n').append(r.fullReport(EXAMPLES_PER_CONFIG)));
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
                SubjectReport report = compare(subject);
                System.out.println(report.summary());
                assertTrue(report.differing().isEmpty(), report.failureMessage());
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
            return "\n    apache: " + SubjectReport.describe(theirs) + "\n    ours:   " + SubjectReport.describe(mine);
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

    private static SubjectReport compare(TransformCatalog.Subject subject) {
        long cpuStart = CPU.getCurrentThreadCpuTime();
        SubjectReport report = new SubjectReport(subject.simpleName(), seed(), REPORT_FILE,
            TransformDifferentialTest::renderInput);
        REPORTS.put(subject.className(), report);
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
            SubjectReport.ConfigReport result = report.config(configLabel, config.getValue());
            if (isConfigureFailure(theirs) || isConfigureFailure(mine)) {
                result.compareConfigure(answer(theirs, 0), answer(mine, 0), configLabel.endsWith("(invalid)"),
                    DocumentedDifferences.reason(subject.simpleName(), config.getValue(), null, answer(theirs, 0),
                        answer(mine, 0)));
                continue;
            }
            if (configLabel.endsWith("(invalid)")) {
                result.notices.add("labelled invalid but Apache accepts it");
            }
            for (int i = 0; i < records.size(); i++) {
                List<?> their = answer(theirs, i);
                List<?> my = answer(mine, i);
                result.compared++;
                boolean same = SubjectReport.sameOutcome(their, my);
                if (same && their.get(0).toString().endsWith("-throws")) {
                    result.failedAlike++;
                }
                String documented = same ? null : DocumentedDifferences.reason(subject.simpleName(),
                    config.getValue(), records.get(i), their, my);
                if (documented != null) {
                    result.documented.merge(documented, 1, Integer::sum);
                } else if (!same) {
                    result.differences.add(new SubjectReport.Difference(labels.get(i), records.get(i), their, my,
                        reproducesAlone(op, subject.className(), config.getValue(), records.get(i))));
                } else if (their.size() > 2
                    && !withoutIdentityHashes(their.get(2)).equals(withoutIdentityHashes(my.get(2)))) {
                    result.messageDifferences.add(
                        new SubjectReport.Difference(labels.get(i), records.get(i), their, my, true));
                }
            }
        }
        report.cpuMillis((CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        return report;
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

    /** Whether a differing record differs also when it is the only record a fresh instance sees. */
    private static boolean reproducesAlone(String op, String className, Map<String, String> config,
                                           Map<String, Object> record) {
        Map<String, Object> request = request(op, className, config, List.of(record));
        return !SubjectReport.sameOutcome(answer((List<?>) apache.apply(request), 0),
            answer((List<?>) ours.apply(request), 0));
    }

    private static String renderInput(Map<String, Object> record) {
        List<?> rendered = answer((List<?>) apache.apply(Map.of("op", "render", "records", List.of(record))), 0);
        return String.valueOf(rendered.get(rendered.size() > 2 ? 2 : 1));
    }
}

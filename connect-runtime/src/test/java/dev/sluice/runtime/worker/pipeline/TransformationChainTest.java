package dev.sluice.runtime.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransformationChainTest {

    private static final String RECORDING = RecordingTransformation.class.getName();
    private static final String PREDICATE = RecordingPredicate.class.getName();

    private static PipelineFixture fixture;

    @BeforeAll
    static void discover() {
        fixture = new PipelineFixture();
    }

    @AfterAll
    static void closePlugins() {
        fixture.close();
    }

    private static SourceRecord record(String topic) {
        return new SourceRecord(Map.of(), Map.of(), topic, Schema.STRING_SCHEMA, "v");
    }

    private static TransformationChain<SourceRecord> chain(Map<String, String> config, ErrorHandler errors) {
        return fixture.factory.transformations(fixture.sourceConfig(config), fixture.plugins.delegatingLoader(), errors);
    }

    private static final Map<String, String> GUARDED = PipelineFixture.props(
        "transforms", "a,b",
        "transforms.a.type", RECORDING,
        "transforms.a.suffix", "-a",
        "transforms.a.predicate", "eu",
        "transforms.b.type", RECORDING,
        "transforms.b.suffix", "-b",
        "transforms.b.predicate", "eu",
        "transforms.b.negate", "true",
        "predicates", "eu",
        "predicates.eu.type", PREDICATE,
        "predicates.eu.prefix", "eu.");

    @Test
    void predicateGuardsTransformationAndNegateInvertsIt() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (TransformationChain<SourceRecord> chain = chain(GUARDED, errors)) {
            assertEquals("eu.orders-a", chain.apply(record("eu.orders"), null).topic(),
                "a matches and applies; b is negated, and after a the topic still matches, so b passes it through");
            assertEquals("us.orders-b", chain.apply(record("us.orders"), null).topic(),
                "a does not match; b (negated) applies");
            assertEquals(List.of("a", "b"), chain.aliases(), "configured order");
        }
    }

    @Test
    void eachTransformationAndPredicateIsConfiguredOnceAndClosedOnce() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        TransformationChain<SourceRecord> chain = chain(GUARDED, errors);
        List<TransformationStage<SourceRecord>> stages = chain.stages();
        RecordingPredicate<?> first = (RecordingPredicate<?>) stages.get(0).predicate().predicate();
        RecordingPredicate<?> second = (RecordingPredicate<?>) stages.get(1).predicate().predicate();
        RecordingTransformation<?> a = (RecordingTransformation<?>) stages.get(0).transformation();

        chain.close();

        assertNotSame(first, second, "as in Apache, each transformation gets its own instance of a predicate alias");
        assertEquals(1, first.configured, "predicate configured once");
        assertEquals(1, first.closed, "predicate of 'a' closed once");
        assertEquals(1, second.closed, "predicate of 'b' closed once");
        assertEquals(1, a.closed, "transformation closed once");
        assertEquals(List.of(Map.of("suffix", "-a")), a.configurations,
            "the transformation receives its own keys, without type/predicate/negate");
    }

    @Test
    void pluginsRunWithTheirLoaderAsContextLoaderWhichIsRestoredAfterwards() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (TransformationChain<SourceRecord> chain = chain(GUARDED, errors)) {
            chain.apply(record("eu.orders"), null);
            RecordingTransformation<?> a = (RecordingTransformation<?>) chain.stages().get(0).transformation();
            RecordingPredicate<?> predicate = (RecordingPredicate<?>) chain.stages().get(0).predicate().predicate();
            ClassLoader expected = fixture.plugins.loaderOf(RecordingTransformation.class);
            assertNotSame(before, expected, "the test needs a swap to observe");
            assertSame(expected, a.contextLoadersSeen.get(0), "transformation ran under its plugin loader");
            assertSame(expected, predicate.contextLoaderSeen, "predicate ran under its plugin loader");
            assertSame(before, Thread.currentThread().getContextClassLoader(), "context loader restored");

            Thread.currentThread().setContextClassLoader(expected);
            try {
                chain.apply(record("eu.orders"), null);
                assertSame(expected, a.contextLoadersSeen.get(1), "already current: used without a swap");
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }
    }

    @Test
    void failingTransformationIsReportedAsTransformationStageWithItsClass() {
        ErrorCounters counters = new ErrorCounters();
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, counters);
        try (TransformationChain<SourceRecord> chain = chain(Map.of("transforms", "x",
                "transforms.x.type", Failing.class.getName()), errors)) {
            ConnectException e = assertThrows(ConnectException.class, () -> chain.apply(record("t"), null));
            assertTrue(e.getCause().getMessage().contains("failing on purpose"), "cause kept: " + e.getCause());
            assertEquals(1, counters.recordErrors(), "one failed operation");
        }
    }

    @Test
    void transformationRejectingItsSettingsFailsTheBuildNamingConnectorAndAlias() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        ConnectException e = assertThrows(ConnectException.class, () -> chain(Map.of("transforms", "ok,bad",
            "transforms.ok.type", RECORDING,
            "transforms.bad.type", Rejecting.class.getName()), errors));
        assertEquals("Connector 'src': the transformation 'bad' could not be configured: rejected on purpose",
            e.getMessage(), "the message names what failed");
    }
}

package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.worker.errors.ErrorCounters;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricGroupsTest {

    private final Metrics metrics = new Metrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void errorMetricsReadTheTaskErrorCountersLive() {
        ErrorCounters counters = new ErrorCounters();
        TaskMetricGroups groups = register();
        groups.registerErrors(counters);
        MetricValues errors = new MetricValues(metrics, TaskErrorMetrics.GROUP, "connector", "orders", "task", "2");
        assertEquals(0.0, errors.number("total-record-failures"));

        counters.recordFailure(1234L);
        counters.recordFailure(1300L);
        counters.recordRetry();
        counters.recordError();
        counters.recordSkipped();
        counters.recordErrorLogged();
        counters.recordDeadLetterQueueRequest();
        counters.recordDeadLetterQueueFailure();

        assertEquals(2.0, errors.number("total-record-failures"));
        assertEquals(1.0, errors.number("total-record-errors"));
        assertEquals(1.0, errors.number("total-records-skipped"));
        assertEquals(1.0, errors.number("total-retries"));
        assertEquals(1.0, errors.number("total-errors-logged"));
        assertEquals(1.0, errors.number("deadletterqueue-produce-requests"));
        assertEquals(1.0, errors.number("deadletterqueue-produce-failures"));
        assertEquals(1300.0, errors.number("last-error-timestamp"), "the time of the last failure is shown");
        groups.close();
    }

    @Test
    void transformAndPredicateInfoGroupsAreTaggedWithTheirAlias() {
        TaskMetricGroups groups = register();
        groups.registerPlugins(Map.of("route", new PluginInfo("x.RegexRouter", "4.3.1")),
            Map.of("isSkip", new PluginInfo("x.TopicNameMatches", "4.3.0")));

        MetricValues transform = new MetricValues(metrics, TaskPluginMetrics.TRANSFORM_GROUP, "connector", "orders",
            "task", "2", "transform", "route");
        MetricValues predicate = new MetricValues(metrics, TaskPluginMetrics.PREDICATE_GROUP, "connector", "orders",
            "task", "2", "predicate", "isSkip");
        assertEquals("x.RegexRouter", transform.value("transform-class"));
        assertEquals("4.3.1", transform.value("transform-version"));
        assertEquals("x.TopicNameMatches", predicate.value("predicate-class"));
        assertEquals("4.3.0", predicate.value("predicate-version"));
        groups.close();
    }

    @Test
    void closingRemovesEveryGroupOfTheTask() {
        TaskMetricGroups groups = register();
        groups.registerSource();
        groups.registerSink();
        groups.registerErrors(new ErrorCounters());
        groups.registerPlugins(Map.of("route", new PluginInfo("x.RegexRouter", "1")), Map.of());
        long before = metrics.metrics().size();

        groups.close();

        long left = metrics.metrics().keySet().stream().filter(name -> "orders".equals(name.tags().get("connector")))
            .count();
        assertEquals(0, left, "no metric of the task is left after close (there were " + before + " in all)");
    }

    private TaskMetricGroups register() {
        return TaskMetricGroups.register(metrics, Time.SYSTEM, "orders", 2, "sink",
            new PluginInfo("x.OrdersSink", "1"), new PluginInfo("x.OrdersTask", "1"));
    }
}

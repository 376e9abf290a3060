package dev.sluice.runtime.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;

/**
 * The info groups of a task's transformations and predicates:
 * {@code connector-transform-metrics,connector=<c>,task=<n>,transform=<alias>} with {@code transform-class} and
 * {@code transform-version}, and {@code connector-predicate-metrics,connector=<c>,task=<n>,predicate=<alias>} with
 * {@code predicate-class} and {@code predicate-version}.
 */
public final class TaskPluginMetrics implements AutoCloseable {

    /** Metric group name of the transformations. */
    public static final String TRANSFORM_GROUP = "connector-transform-metrics";
    /** Metric group name of the predicates. */
    public static final String PREDICATE_GROUP = "connector-predicate-metrics";

    private final List<MetricGroup> groups = new ArrayList<>();

    /**
     * Registers one group per transformation and per predicate.
     *
     * @param transformations the class and version of each transformation, by alias
     * @param predicates the class and version of each predicate, by alias
     */
    public TaskPluginMetrics(Metrics metrics, String connector, int task, Map<String, PluginInfo> transformations,
                             Map<String, PluginInfo> predicates) {
        String taskTag = String.valueOf(task);
        transformations.forEach((alias, info) -> {
            MetricGroup group = MetricGroup.of(metrics, TRANSFORM_GROUP, "connector", connector, "task", taskTag,
                "transform", alias);
            group.addConstant("transform-class", "The class name of the transformation class.", info.className());
            group.addConstant("transform-version", "The version of the transformation class.", info.version());
            groups.add(group);
        });
        predicates.forEach((alias, info) -> {
            MetricGroup group = MetricGroup.of(metrics, PREDICATE_GROUP, "connector", connector, "task", taskTag,
                "predicate", alias);
            group.addConstant("predicate-class", "The class name of the predicate class.", info.className());
            group.addConstant("predicate-version", "The version of the predicate class.", info.version());
            groups.add(group);
        });
    }

    /** Removes every group. */
    @Override
    public void close() {
        groups.forEach(MetricGroup::close);
        groups.clear();
    }
}

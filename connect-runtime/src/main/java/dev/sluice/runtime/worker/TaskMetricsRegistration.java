package dev.sluice.runtime.worker;

import dev.sluice.runtime.metrics.PluginInfo;
import dev.sluice.runtime.metrics.TaskMetricGroups;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.pipeline.TaskConverters;
import dev.sluice.runtime.worker.pipeline.TransformationChain;

/**
 * Completes a task's metric groups with what its runner factory built: the converter attributes of
 * {@code connector-task-metrics}, {@code task-error-metrics} over the task's error counters, and the info groups of
 * its transformations and predicates. Shared by the source and sink runner factories.
 */
public final class TaskMetricsRegistration {

    private TaskMetricsRegistration() {
    }

    /** Registers the metrics of the task's converters, error counters, transformations and predicates. */
    public static void register(TaskMetricGroups metrics, ErrorCounters counters, TaskConverters converters,
                                TransformationChain<?> transformations) {
        metrics.task().converters(PluginInfo.of(converters.keyConverter()), PluginInfo.of(converters.valueConverter()),
            PluginInfo.of(converters.headerConverter()));
        metrics.registerErrors(counters);
        metrics.registerPlugins(transformations.transformationInfo(), transformations.predicateInfo());
    }
}

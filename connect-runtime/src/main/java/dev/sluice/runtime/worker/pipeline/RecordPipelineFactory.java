package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.config.AliasedPluginKeys.TransformationSpec;
import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Builds the record pipelines of tasks from their connector's configuration: instantiates and configures the
 * transformations, their predicates and the converters once, each with the right class loader.
 *
 * <p>Each transformation that names a predicate gets its own instance of it, configured from
 * {@code predicates.<alias>.*}, as in Apache Connect; a predicate is closed with the transformation that uses it.
 * If building fails, what was already built is closed.
 */
public final class RecordPipelineFactory {

    private final Plugins plugins;
    private final WorkerConfig worker;

    /**
     * A factory for the tasks of one worker.
     *
     * @param plugins resolves and instantiates plugins
     * @param worker the worker configuration (its converters apply where a connector sets none)
     */
    public RecordPipelineFactory(Plugins plugins, WorkerConfig worker) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /**
     * The pipeline of a source task.
     *
     * @param connector the connector's configuration
     * @param connectorLoader the connector's class loader (its copies of plugin classes are preferred)
     * @param errors the task's error handler
     * @throws ConnectException naming the plugin when one cannot be created or configured
     */
    public SourceRecordPipeline source(ConnectorConfig connector, ClassLoader connectorLoader, ErrorHandler errors) {
        TransformationChain<SourceRecord> chain = transformations(connector, connectorLoader, errors);
        try {
            TaskConverters converters = TaskConverters.create(plugins, worker, connector, connectorLoader);
            return new SourceRecordPipeline(converters, chain, new SourceConversion(converters, errors));
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    /**
     * The pipeline of a sink task.
     *
     * @param connector the connector's configuration
     * @param connectorLoader the connector's class loader (its copies of plugin classes are preferred)
     * @param errors the task's error handler
     * @throws ConnectException naming the plugin when one cannot be created or configured
     */
    public SinkRecordPipeline sink(ConnectorConfig connector, ClassLoader connectorLoader, ErrorHandler errors) {
        TransformationChain<SinkRecord> chain = transformations(connector, connectorLoader, errors);
        try {
            TaskConverters converters = TaskConverters.create(plugins, worker, connector, connectorLoader);
            return new SinkRecordPipeline(converters, chain, new SinkConversion(converters, errors));
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    /**
     * The transformation chain of a connector's tasks.
     *
     * @throws ConnectException naming the alias when a transformation or predicate cannot be created or configured
     */
    public <R extends ConnectRecord<R>> TransformationChain<R> transformations(ConnectorConfig connector,
                                                                               ClassLoader connectorLoader,
                                                                               ErrorHandler errors) {
        List<TransformationStage<R>> stages = new ArrayList<>();
        try {
            for (TransformationSpec spec : connector.transformationSpecs()) {
                stages.add(stage(connector.connectorName(), spec, connectorLoader));
            }
        } catch (RuntimeException e) {
            stages.forEach(TransformationStage::close);
            throw e;
        }
        return new TransformationChain<>(stages, errors);
    }

    private <R extends ConnectRecord<R>> TransformationStage<R> stage(String connectorName, TransformationSpec spec,
                                                                      ClassLoader connectorLoader) {
        PredicateStage<R> predicate = null;
        if (spec.predicateAlias() != null) {
            Predicate<R> instance = plugins.newPredicate(spec.predicateType().getName(), connectorLoader);
            ClassLoader loader = plugins.loaderOf(instance.getClass());
            predicate = new PredicateStage<>(spec.predicateAlias(), instance, loader);
            configure(predicate, loader, connectorName, "predicate", spec.predicateAlias(),
                () -> instance.configure(spec.predicateSettings()));
        }
        Transformation<R> transformation;
        try {
            transformation = plugins.newTransformation(spec.type().getName(), connectorLoader);
        } catch (RuntimeException e) {
            if (predicate != null) {
                predicate.close();
            }
            throw e;
        }
        ClassLoader loader = plugins.loaderOf(transformation.getClass());
        TransformationStage<R> stage = new TransformationStage<>(spec.alias(), transformation, loader, predicate,
            spec.negate());
        Map<String, Object> settings = spec.settings();
        configure(stage, loader, connectorName, "transformation", spec.alias(),
            () -> transformation.configure(settings));
        return stage;
    }

    private static void configure(AutoCloseable built, ClassLoader loader, String connectorName, String kind,
                                  String alias, Runnable configure) {
        try (LoaderSwap swap = LoaderScope.enter(loader)) {
            configure.run();
        } catch (RuntimeException e) {
            try {
                built.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw new ConnectException("Connector '" + connectorName + "': the " + kind + " '" + alias
                + "' could not be configured: " + e.getMessage(), e);
        }
    }
}

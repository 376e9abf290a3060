package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.Operation;
import dev.sluice.runtime.worker.errors.SkippedRecordException;
import dev.sluice.runtime.worker.errors.Stage;
import dev.sluice.runtime.metrics.PluginInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * A task's transformations in configured order ({@code transforms}), built once and applied to every record. Each
 * transformation (with its predicate) runs through the task's {@link ErrorHandler} as stage
 * {@link Stage#TRANSFORMATION}, named by the transformation's class.
 *
 * @param <R> the record type
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private final List<TransformationStage<R>> stages;
    private final ErrorHandler errors;
    private final Operation<TransformationStage<R>, R, R> applyStage = TransformationStage::apply;

    TransformationChain(List<TransformationStage<R>> stages, ErrorHandler errors) {
        this.stages = List.copyOf(stages);
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Applies every transformation in turn.
     *
     * @param record the record to transform
     * @param original the record as the task received it, for error reports
     * @return the transformed record, or null if a transformation dropped it (the later ones are not called)
     * @throws SkippedRecordException if a transformation failed and the failure is tolerated
     * @throws org.apache.kafka.connect.errors.ConnectException if a transformation failed and it is not
     */
    public R apply(R record, Object original) {
        R current = record;
        for (int i = 0, n = stages.size(); i < n && current != null; i++) {
            TransformationStage<R> stage = stages.get(i);
            current = errors.execute(Stage.TRANSFORMATION, stage.transformationClass(), original, applyStage, stage,
                current);
        }
        return current;
    }

    /** Whether the chain has no transformation. */
    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /** The aliases of the transformations, in order. */
    public List<String> aliases() {
        List<String> aliases = new ArrayList<>(stages.size());
        stages.forEach(stage -> aliases.add(stage.alias()));
        return aliases;
    }

    /** The class and version of each transformation, by alias in order; for the task's info metrics. */
    public Map<String, PluginInfo> transformationInfo() {
        Map<String, PluginInfo> info = new LinkedHashMap<>();
        stages.forEach(stage -> info.put(stage.alias(), PluginInfo.of(stage.transformation())));
        return info;
    }

    /** The class and version of each predicate the transformations use, by predicate alias; for the info metrics. */
    public Map<String, PluginInfo> predicateInfo() {
        Map<String, PluginInfo> info = new LinkedHashMap<>();
        for (TransformationStage<R> stage : stages) {
            if (stage.predicate() != null) {
                info.putIfAbsent(stage.predicate().alias(), PluginInfo.of(stage.predicate().predicate()));
            }
        }
        return info;
    }

    List<TransformationStage<R>> stages() {
        return stages;
    }

    /** Closes every transformation and predicate once. */
    @Override
    public void close() {
        stages.forEach(TransformationStage::close);
    }
}

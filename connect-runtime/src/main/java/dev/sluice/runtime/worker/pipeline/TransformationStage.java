package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * One configured transformation of a task, applied under its own class loader; when it has a predicate, it applies
 * only to records the predicate matches ({@code negate}: does not match) and passes the others through unchanged.
 *
 * @param <R> the record type
 */
final class TransformationStage<R extends ConnectRecord<R>> implements AutoCloseable {

    private final String alias;
    private final Transformation<R> transformation;
    private final ClassLoader loader;
    private final PredicateStage<R> predicate;
    private final boolean negate;

    TransformationStage(String alias, Transformation<R> transformation, ClassLoader loader,
                        PredicateStage<R> predicate, boolean negate) {
        this.alias = Objects.requireNonNull(alias, "alias");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.predicate = predicate;
        this.negate = negate;
    }

    /** The transformed record, the record itself when the predicate excludes it, or null to drop it. */
    R apply(R record) {
        // One swap covers the predicate too when it shares the transformation's loader (the usual case).
        try (LoaderSwap swap = LoaderScope.enter(loader)) {
            if (predicate != null && predicate.test(record) == negate) {
                return record;
            }
            return transformation.apply(record);
        }
    }

    String alias() {
        return alias;
    }

    Class<?> transformationClass() {
        return transformation.getClass();
    }

    Transformation<R> transformation() {
        return transformation;
    }

    PredicateStage<R> predicate() {
        return predicate;
    }

    boolean negate() {
        return negate;
    }

    /** Closes the transformation and its predicate. */
    @Override
    public void close() {
        Closing.close(transformation, loader, "transformation '" + alias + "'");
        if (predicate != null) {
            predicate.close();
        }
    }
}

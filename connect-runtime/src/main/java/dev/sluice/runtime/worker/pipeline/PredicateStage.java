package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A configured predicate of a transformation, tested under the predicate's own class loader.
 *
 * @param <R> the record type
 */
final class PredicateStage<R extends ConnectRecord<R>> implements AutoCloseable {

    private final String alias;
    private final Predicate<R> predicate;
    private final ClassLoader loader;

    PredicateStage(String alias, Predicate<R> predicate, ClassLoader loader) {
        this.alias = Objects.requireNonNull(alias, "alias");
        this.predicate = Objects.requireNonNull(predicate, "predicate");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    boolean test(R record) {
        try (LoaderSwap swap = LoaderScope.enter(loader)) {
            return predicate.test(record);
        }
    }

    String alias() {
        return alias;
    }

    Predicate<R> predicate() {
        return predicate;
    }

    @Override
    public void close() {
        Closing.close(predicate, loader, "predicate '" + alias + "'");
    }
}

package dev.sluice.runtime.storage;

/**
 * Told the outcome of an asynchronous write to a store: a null error means the write is durable.
 * Invoked exactly once, on a thread of the store, so it must not block.
 */
@FunctionalInterface
public interface WriteCallback {

    /**
     * The write finished.
     *
     * @param error the reason it failed, or null if it succeeded
     */
    void onCompletion(Throwable error);
}

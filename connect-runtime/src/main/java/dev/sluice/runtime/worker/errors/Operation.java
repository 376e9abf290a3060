package dev.sluice.runtime.worker.errors;

/**
 * One call into a plugin or task that the error handler runs, retries and reports. Its inputs are parameters rather
 * than captured values, so that a pipeline creates each operation once and runs it for every record without
 * allocating.
 *
 * @param <A> the first input
 * @param <B> the second input (unused by operations that need one)
 * @param <R> the result
 */
@FunctionalInterface
public interface Operation<A, B, R> {

    /** Runs the operation. */
    R apply(A first, B second) throws Exception;
}

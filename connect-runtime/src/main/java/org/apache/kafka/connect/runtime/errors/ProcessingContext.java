package org.apache.kafka.connect.runtime.errors;

/**
 * The record a sink task's record was made from, as plugins reach it through
 * {@code ((InternalSinkRecord) record).context().original()}.
 *
 * <p>Part of the runtime compatibility surface (see {@code docs/runtime-compatibility.md}): it exists under
 * Apache's name with Apache's signatures for the members plugins link against, and nothing else. Sluice keeps
 * the failure state of a record (stage, class, attempts, error) in its own error handler, not here.
 *
 * @param <T> the type of the original record; {@code ConsumerRecord<byte[], byte[]>} for sink records
 */
public class ProcessingContext<T> {

    private final T original;

    /**
     * A context for one original record.
     *
     * @param original the record as it was consumed (may be null)
     */
    public ProcessingContext(T original) {
        this.original = original;
    }

    /** The original record, exactly as the worker consumed it. */
    public T original() {
        return original;
    }
}

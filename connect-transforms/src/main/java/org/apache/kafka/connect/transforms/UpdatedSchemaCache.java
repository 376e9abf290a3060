package org.apache.kafka.connect.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.connect.data.Schema;

/**
 * Remembers, per transform instance, the schema a transform derived from each input schema, so the
 * derivation runs once per distinct schema rather than once per record. The most recent pair is
 * checked by identity first (records of one stream usually share one schema instance), then a small
 * least-recently-used map keyed by schema equality.
 */
final class UpdatedSchemaCache {

    private static final int CAPACITY = 16;

    private final Map<Schema, Schema> entries = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Schema, Schema> eldest) {
            return size() > CAPACITY;
        }
    };

    private final UnaryOperator<Schema> derive;
    private Schema lastInput;
    private Schema lastOutput;

    /** A cache whose misses are filled by {@code derive}. */
    UpdatedSchemaCache(UnaryOperator<Schema> derive) {
        this.derive = derive;
    }

    /** The schema derived from {@code input}, computing and remembering it on a miss. */
    synchronized Schema get(Schema input) {
        if (input == lastInput) {
            return lastOutput;
        }
        Schema output = entries.get(input);
        if (output == null) {
            output = derive.apply(input);
            entries.put(input, output);
        }
        lastInput = input;
        lastOutput = output;
        return output;
    }

    /** Forgets everything. */
    synchronized void clear() {
        entries.clear();
        lastInput = null;
        lastOutput = null;
    }
}

package dev.sluice.runtime.storage.file;

import java.io.ObjectInputFilter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Lets an offset file deserialize nothing but what a {@code java.util.HashMap<byte[], byte[]>} consists of:
 * the map class, the {@code Map.Entry[]} table size check the map performs while reading, and byte arrays,
 * at most two levels deep. Everything else, including every class a deserialization gadget needs, is
 * rejected before it is instantiated, and the first rejection is remembered for the error message.
 *
 * <p>One instance per stream; not shared between threads.
 */
final class OffsetFileFilter implements ObjectInputFilter {

    private static final Set<Class<?>> ALLOWED = Set.of(HashMap.class, Map.Entry[].class, byte[].class);
    /** The map is at depth 1 and its keys and values at depth 2. */
    private static final long MAX_DEPTH = 2;

    private String rejection;

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return reject("objects nested " + info.depth() + " levels deep");
        }
        Class<?> serialClass = info.serialClass();
        if (serialClass == null || ALLOWED.contains(serialClass)) {
            return Status.ALLOWED;
        }
        return reject("an instance of " + serialClass.getName());
    }

    /** What the first rejected input was, e.g. {@code "an instance of java.util.ArrayList"}, or null. */
    String rejection() {
        return rejection;
    }

    private Status reject(String what) {
        if (rejection == null) {
            rejection = what;
        }
        return Status.REJECTED;
    }
}

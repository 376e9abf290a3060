package dev.sluice.runtime.storage.memory;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Where a {@link MemoryOffsetStore} keeps a durable copy of all its offsets, if anywhere: loaded once at
 * start, saved whole after every write. Called from one thread at a time.
 */
public interface OffsetPersistence {

    /** Keeps nothing: the store's offsets live as long as the process. */
    OffsetPersistence NONE = new OffsetPersistence() {
        @Override
        public Map<ByteBuffer, ByteBuffer> load() {
            return Map.of();
        }

        @Override
        public void save(Map<ByteBuffer, ByteBuffer> offsets) {
            // nothing to keep
        }

        @Override
        public String toString() {
            return "memory";
        }
    };

    /**
     * Reads the saved offsets.
     *
     * @return raw keys to raw values (values may be null); empty if nothing was saved yet
     * @throws org.apache.kafka.connect.errors.ConnectException if the saved offsets cannot be read
     */
    Map<ByteBuffer, ByteBuffer> load();

    /**
     * Replaces the saved offsets with these, all or nothing.
     *
     * @param offsets every raw key to its raw value (values may be null); not to be kept after returning
     * @throws org.apache.kafka.connect.errors.ConnectException if they cannot be saved; the previously
     *     saved offsets must then still be readable
     */
    void save(Map<ByteBuffer, ByteBuffer> offsets);
}

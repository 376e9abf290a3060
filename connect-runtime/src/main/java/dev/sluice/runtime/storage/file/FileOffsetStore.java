package dev.sluice.runtime.storage.file;

import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.OffsetStore;
import dev.sluice.runtime.storage.WriteCallback;
import dev.sluice.runtime.storage.memory.MemoryOffsetStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The standalone worker's {@link OffsetStore}: offsets in memory, saved whole to the file named by
 * {@code offset.storage.file.filename} after every write (see {@link OffsetFile} for the format, which is
 * Apache Kafka Connect's, and for how a save survives a crash).
 */
public final class FileOffsetStore implements OffsetStore {

    private final OffsetFile file;
    private final MemoryOffsetStore store;

    /**
     * The store of a standalone worker.
     *
     * @param config the worker configuration, for {@code offset.storage.file.filename}
     */
    public FileOffsetStore(StandaloneConfig config) {
        this(Path.of(config.offsetStorageFile()));
    }

    /**
     * A store over the given file.
     *
     * @param path the offset file; it need not exist yet, but its folder must
     */
    public FileOffsetStore(Path path) {
        this(path, new OffsetCodec());
    }

    /**
     * A store over the given file that decodes keys with the given codec.
     *
     * @param path the offset file
     * @param codec decodes keys to list the partitions of each connector
     */
    public FileOffsetStore(Path path, OffsetCodec codec) {
        this.file = new OffsetFile(path);
        this.store = new MemoryOffsetStore("file-" + file.path().getFileName(), file, codec);
    }

    /** The offset file. */
    public Path path() {
        return file.path();
    }

    @Override
    public void start() {
        store.start();
    }

    @Override
    public void stop() {
        store.stop();
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        return store.get(keys);
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, WriteCallback callback) {
        return store.set(values, callback);
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return store.connectorPartitions(connectorName);
    }

    @Override
    public String toString() {
        return "FileOffsetStore[" + file.path() + "]";
    }
}

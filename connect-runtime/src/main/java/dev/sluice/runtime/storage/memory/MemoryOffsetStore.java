package dev.sluice.runtime.storage.memory;

import dev.sluice.runtime.storage.ByteBuffers;
import dev.sluice.runtime.storage.ConnectorPartitionIndex;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.OffsetStore;
import dev.sluice.runtime.storage.WriteCallback;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OffsetStore} that holds offsets in memory, optionally backed by an {@link OffsetPersistence}
 * that is loaded at start and saved whole after each write.
 *
 * <p>Requests run one at a time, in order, on the store's own thread ({@code offset-store-<name>}), so the
 * thread that writes offsets never waits for a file to be synced. A write whose save fails is undone in
 * memory too: what the store answers is always what was saved. A deletion (null value) removes the key.
 */
public final class MemoryOffsetStore implements OffsetStore {

    private static final Logger log = LoggerFactory.getLogger(MemoryOffsetStore.class);
    private static final long STOP_TIMEOUT_MS = 30_000;

    private enum State { NEW, STARTED, STOPPED }

    private final String name;
    private final OffsetPersistence persistence;
    private final ConnectorPartitionIndex index;
    /** Written at start, then only on the store thread. */
    private final Map<ByteBuffer, ByteBuffer> data = new HashMap<>();
    private State state = State.NEW;
    private ExecutorService executor;

    /** A store that keeps offsets in memory only. */
    public MemoryOffsetStore() {
        this("memory", OffsetPersistence.NONE, new OffsetCodec());
    }

    /**
     * A store backed by the given persistence.
     *
     * @param name names the store's thread and its log lines
     * @param persistence where the offsets are loaded from and saved to
     * @param codec decodes keys to list the partitions of each connector
     */
    public MemoryOffsetStore(String name, OffsetPersistence persistence, OffsetCodec codec) {
        this.name = name;
        this.persistence = persistence;
        this.index = new ConnectorPartitionIndex(codec);
    }

    @Override
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("Offset store " + name + " cannot start: it is " + state);
        }
        persistence.load().forEach((key, value) -> {
            if (value != null) {
                data.put(ByteBuffers.copyOf(key), ByteBuffers.copyOf(value));
            }
        });
        index.applyAll(data);
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offset-store-" + name);
            thread.setDaemon(true);
            return thread;
        });
        state = State.STARTED;
        log.info("Offset store {} started with {} stored offsets", name, data.size());
    }

    @Override
    public void stop() {
        ExecutorService stopping;
        synchronized (this) {
            if (state != State.STARTED) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
            stopping = executor;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                log.error("Offset store {} did not finish its pending requests within {} ms; abandoning them",
                    name, STOP_TIMEOUT_MS);
                failNeverRun(stopping.shutdownNow());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while offset store {} finished its pending requests; abandoning them", name);
            failNeverRun(stopping.shutdownNow());
        }
        log.info("Offset store {} stopped", name);
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        List<ByteBuffer> requested = new ArrayList<>(keys.size());
        keys.forEach(key -> requested.add(ByteBuffers.copyOf(key)));
        return submit("read offsets", () -> {
            Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
            for (ByteBuffer key : requested) {
                ByteBuffer value = data.get(key);
                found.put(key, value == null ? null : value.asReadOnlyBuffer());
            }
            return found;
        });
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, WriteCallback callback) {
        Map<ByteBuffer, ByteBuffer> writes = new LinkedHashMap<>();
        values.forEach((key, value) -> writes.put(ByteBuffers.copyOf(key), ByteBuffers.copyOf(value)));
        WriteCallback once = callback == null ? null : new OnceCallback(callback);
        CompletableFuture<Void> result = submit("write offsets", () -> {
            apply(writes, once);
            return null;
        });
        // A request rejected or abandoned at stop never reaches apply; its callback is still owed a call.
        result.whenComplete((ignored, error) -> notify(once, error));
        return result;
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return index.partitions(connectorName);
    }

    @Override
    public String toString() {
        return "MemoryOffsetStore[" + name + "]";
    }

    private void apply(Map<ByteBuffer, ByteBuffer> writes, WriteCallback callback) {
        Map<ByteBuffer, ByteBuffer> previous = new HashMap<>();
        for (Map.Entry<ByteBuffer, ByteBuffer> write : writes.entrySet()) {
            ByteBuffer old = write.getValue() == null ? data.remove(write.getKey()) : data.put(write.getKey(), write.getValue());
            previous.put(write.getKey(), old);
        }
        try {
            persistence.save(Collections.unmodifiableMap(data));
        } catch (RuntimeException e) {
            previous.forEach((key, old) -> {
                if (old == null) {
                    data.remove(key);
                } else {
                    data.put(key, old);
                }
            });
            log.error("Offset store {} could not save {} offsets; they were not stored", name, writes.size(), e);
            notify(callback, e);
            throw e;
        }
        index.applyAll(writes);
        log.debug("Offset store {} stored {} offsets", name, writes.size());
        notify(callback, null);
    }

    private void notify(WriteCallback callback, Throwable error) {
        if (callback == null) {
            return;
        }
        try {
            callback.onCompletion(error);
        } catch (RuntimeException e) {
            log.error("Offset store {}: a write callback failed", name, e);
        }
    }

    private <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
        ExecutorService current;
        synchronized (this) {
            if (state != State.STARTED) {
                return CompletableFuture.failedFuture(new ConnectException(
                    "Offset store " + name + " cannot " + what + ": it is " + (state == State.NEW ? "not started" : "stopped")));
            }
            current = executor;
        }
        StoreRequest<T> request = new StoreRequest<>(work);
        try {
            current.execute(request);
        } catch (RejectedExecutionException e) {
            request.future.completeExceptionally(new ConnectException("Offset store " + name + " cannot " + what + ": it is stopped"));
        }
        return request.future;
    }

    private void failNeverRun(List<Runnable> neverRun) {
        for (Runnable runnable : neverRun) {
            if (runnable instanceof StoreRequest<?> request) {
                request.future.completeExceptionally(
                    new ConnectException("Offset store " + name + " stopped before the request could run"));
            }
        }
    }

    /** Passes on only the first outcome, so a callback is told exactly once however the request ends. */
    private static final class OnceCallback implements WriteCallback {
        private final WriteCallback delegate;
        private final AtomicBoolean called = new AtomicBoolean();

        OnceCallback(WriteCallback delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onCompletion(Throwable error) {
            if (called.compareAndSet(false, true)) {
                delegate.onCompletion(error);
            }
        }
    }

    /** One request on the store thread, with the future its caller waits on. */
    private static final class StoreRequest<T> implements Runnable {
        final CompletableFuture<T> future = new CompletableFuture<>();
        private final Supplier<T> work;

        StoreRequest(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                future.complete(work.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }
    }
}

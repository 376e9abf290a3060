package dev.sluice.runtime.storage;

import dev.sluice.runtime.storage.memory.MemoryOffsetStore;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A store for tests of its callers: a started {@link MemoryOffsetStore}, except that while held, reads and
 * writes wait until the test releases (or fails) them one by one, so a test can act while they are in flight.
 */
final class HeldOffsetStore implements OffsetStore {

    /** A request waiting for the test. */
    record Held<T>(Runnable release, CompletableFuture<T> future) {
        void fail(Throwable error) {
            future.completeExceptionally(error);
        }
    }

    private final MemoryOffsetStore memory = new MemoryOffsetStore();
    private final BlockingQueue<Held<?>> held = new LinkedBlockingQueue<>();
    private volatile boolean holding;

    HeldOffsetStore() {
        memory.start();
    }

    void hold(boolean hold) {
        holding = hold;
    }

    /** The next held request, waiting at most 5 seconds for a caller to make it. */
    Held<?> nextHeld() throws InterruptedException {
        Held<?> next = held.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no request reached the store within 5 s");
        }
        return next;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        memory.stop();
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        if (!holding) {
            return memory.get(keys);
        }
        CompletableFuture<Map<ByteBuffer, ByteBuffer>> future = new CompletableFuture<>();
        held.add(new Held<>(() -> memory.get(keys).whenComplete((v, e) -> complete(future, v, e)), future));
        return future;
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, WriteCallback callback) {
        if (!holding) {
            return memory.set(values, callback);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        held.add(new Held<>(() -> memory.set(values, callback).whenComplete((v, e) -> complete(future, v, e)), future));
        return future;
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return memory.connectorPartitions(connectorName);
    }

    private static <T> void complete(CompletableFuture<T> future, T value, Throwable error) {
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(value);
        }
    }
}

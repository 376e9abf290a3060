package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages the source offsets of one connector's task and commits them to an {@link OffsetStore} in flushes.
 *
 * <p>A flush has two steps so the task can decide in between what else must happen first:
 * {@link #beginFlush()} takes a snapshot of the staged offsets (later {@link #offset} calls stage into a new
 * set), and {@link #doFlush} writes the snapshot. Only one flush is open at a time. When the write fails, or
 * the caller gives up with {@link #cancelFlush()}, the snapshot is put back under any offsets staged since,
 * so the next flush includes it; a late outcome of a cancelled write changes nothing. Thread-safe.
 */
public final class SourceOffsetWriter {

    private static final Logger log = LoggerFactory.getLogger(SourceOffsetWriter.class);

    private final OffsetStore store;
    private final String connectorName;
    private final OffsetCodec codec;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushEnded = lock.newCondition();
    private Map<Map<String, Object>, Map<String, Object>> staged = new HashMap<>();
    /** The snapshot being flushed; null when no flush is open. */
    private Map<Map<String, Object>, Map<String, Object>> flushing;
    /** Identifies the open flush, so the outcome of a cancelled one is recognised as stale. */
    private long flushId;

    /**
     * A writer of one connector's offsets.
     *
     * @param store where the offsets are committed
     * @param connectorName the connector, the namespace of its offsets
     * @param codec serializes partitions and offsets
     */
    public SourceOffsetWriter(OffsetStore store, String connectorName, OffsetCodec codec) {
        this.store = store;
        this.connectorName = connectorName;
        this.codec = codec;
    }

    /**
     * Stages the offset of a source partition, replacing what was staged for it before. Validation happens
     * at flush time.
     *
     * @param partition the source partition (may be null)
     * @param offset its offset; null deletes the stored offset when flushed
     */
    @SuppressWarnings("unchecked")
    public void offset(Map<String, ?> partition, Map<String, ?> offset) {
        lock.lock();
        try {
            staged.put((Map<String, Object>) partition, (Map<String, Object>) offset);
        } finally {
            lock.unlock();
        }
    }

    /** Whether offsets are staged that the next flush would write. */
    public boolean hasStagedOffsets() {
        lock.lock();
        try {
            return !staged.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens a flush of the staged offsets, failing if one is open already.
     *
     * @return true if a flush was opened; false if nothing is staged (then there is nothing to flush)
     * @throws ConnectException if a flush is already open
     */
    public boolean beginFlush() {
        lock.lock();
        try {
            if (flushing != null) {
                throw new ConnectException("[" + connectorName + "] Cannot begin an offset flush: the previous flush is"
                    + " still open; complete or cancel it first");
            }
            return snapshot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens a flush of the staged offsets, first waiting for an open flush to end.
     *
     * @param timeout how long to wait for the open flush
     * @param unit the unit of {@code timeout}
     * @return true if a flush was opened; false if nothing is staged
     * @throws TimeoutException if the open flush did not end in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean beginFlush(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (flushing != null) {
                if (remaining <= 0) {
                    throw new TimeoutException("[" + connectorName + "] The previous offset flush did not end within "
                        + unit.toMillis(timeout) + " ms");
                }
                remaining = flushEnded.awaitNanos(remaining);
            }
            return snapshot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the snapshot taken by {@link #beginFlush()}.
     *
     * @param callback told the outcome, unless the flush was cancelled first; may be null
     * @return completes when the offsets are committed, or fails with the cause (a {@link DataException} when
     *     a partition or offset cannot be serialized, which keeps failing until the task replaces it)
     * @throws IllegalStateException if no flush is open
     */
    public CompletableFuture<Void> doFlush(WriteCallback callback) {
        Map<Map<String, Object>, Map<String, Object>> snapshot;
        long id;
        lock.lock();
        try {
            if (flushing == null) {
                throw new IllegalStateException("[" + connectorName + "] No offset flush is open: call beginFlush() first,"
                    + " and flush only when it returned true");
            }
            snapshot = flushing;
            id = flushId;
        } finally {
            lock.unlock();
        }
        Map<ByteBuffer, ByteBuffer> serialized;
        try {
            serialized = serialize(snapshot);
        } catch (DataException e) {
            log.error("[{}] Cannot serialize the source offsets to commit, so none of them are committed until the task"
                + " replaces the offending partition or offset: {}", connectorName, e.getMessage());
            finish(id, e, callback);
            return CompletableFuture.failedFuture(e);
        }
        log.debug("[{}] Committing {} source offsets to {}", connectorName, serialized.size(), store);
        CompletableFuture<Void> committed = new CompletableFuture<>();
        CompletableFuture<Void> written;
        try {
            written = store.set(serialized, null);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((ignored, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause != null) {
                log.error("[{}] Failed to commit {} source offsets to {}; they stay staged for the next flush",
                    connectorName, serialized.size(), store, cause);
            }
            finish(id, cause, callback);
            if (cause == null) {
                committed.complete(null);
            } else {
                committed.completeExceptionally(cause);
            }
        });
        return committed;
    }

    /** Abandons the open flush, if any, and stages its offsets again under any staged since. */
    public void cancelFlush() {
        lock.lock();
        try {
            if (flushing != null) {
                log.debug("[{}] Offset flush of {} partitions cancelled; they stay staged", connectorName, flushing.size());
                restore();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean snapshot() {
        if (staged.isEmpty()) {
            return false;
        }
        flushing = staged;
        staged = new HashMap<>();
        return true;
    }

    private Map<ByteBuffer, ByteBuffer> serialize(Map<Map<String, Object>, Map<String, Object>> snapshot) {
        Map<ByteBuffer, ByteBuffer> serialized = new LinkedHashMap<>();
        snapshot.forEach((partition, offset) ->
            serialized.put(codec.encodeKey(connectorName, partition), codec.encodeValue(connectorName, offset)));
        return serialized;
    }

    /** Ends flush {@code id} with its outcome, unless it was cancelled meanwhile, and then tells the callback. */
    private void finish(long id, Throwable error, WriteCallback callback) {
        lock.lock();
        try {
            if (id != flushId) {
                return;
            }
            if (error == null) {
                flushing = null;
                endFlush();
            } else {
                restore();
            }
        } finally {
            lock.unlock();
        }
        if (callback != null) {
            try {
                callback.onCompletion(error);
            } catch (RuntimeException e) {
                log.error("[{}] An offset flush callback failed", connectorName, e);
            }
        }
    }

    private void restore() {
        flushing.putAll(staged);
        staged = flushing;
        flushing = null;
        endFlush();
    }

    private void endFlush() {
        flushId++;
        flushEnded.signalAll();
    }
}

package dev.sluice.runtime.storage.file;

import dev.sluice.runtime.storage.ByteBuffers;
import dev.sluice.runtime.storage.memory.OffsetPersistence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone worker's offset file, in Apache Kafka Connect's format: one Java-serialized
 * {@code java.util.HashMap<byte[], byte[]>} of raw offset keys to raw values, so a file written by either
 * worker is read by the other.
 *
 * <p>Every save rewrites the whole file, but never in place: the map goes to {@code <file>.tmp} in the same
 * folder, which is synced and then renamed over the file, so a crash at any moment leaves either the old
 * or the new file complete. A missing or empty file reads as no offsets. Reading deserializes only a
 * HashMap of byte arrays (see {@link OffsetFileFilter}).
 */
public final class OffsetFile implements OffsetPersistence {

    private static final Logger log = LoggerFactory.getLogger(OffsetFile.class);

    private final Path path;
    private final Path temporary;

    /**
     * The offset file at a path.
     *
     * @param path the file; its folder must exist before the first save
     */
    public OffsetFile(Path path) {
        this.path = path.toAbsolutePath();
        this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The sibling each save writes first, then renames over {@link #path()}. */
    public Path temporaryPath() {
        return temporary;
    }

    @Override
    public Map<ByteBuffer, ByteBuffer> load() {
        OffsetFileFilter filter = new OffsetFileFilter();
        Object stored;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path));
             ObjectInputStream objects = new FilteredObjectInputStream(in, filter)) {
            stored = objects.readObject();
        } catch (NoSuchFileException e) {
            log.info("No offset file at {} yet; starting with no stored offsets", path);
            return Map.of();
        } catch (EOFException e) {
            log.warn("Offset file {} ends before a complete offsets map ({} bytes); starting with no stored offsets",
                path, sizeOrUnknown());
            return Map.of();
        } catch (InvalidClassException e) {
            String rejected = filter.rejection();
            throw new ConnectException("Cannot read offset file " + path + ": it contains "
                + (rejected != null ? rejected : e.getMessage())
                + ", but only a java.util.HashMap of byte[] keys and values is allowed;"
                + " the file was not written by a Kafka Connect worker (remove or restore it)", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new ConnectException("Cannot read offset file " + path + ": " + e, e);
        }
        return toBuffers(stored);
    }

    @Override
    public void save(Map<ByteBuffer, ByteBuffer> offsets) {
        HashMap<byte[], byte[]> raw = new HashMap<>();
        offsets.forEach((key, value) -> raw.put(ByteBuffers.toArray(key), ByteBuffers.toArray(value)));
        try {
            writeSynced(raw);
            replaceFile();
        } catch (IOException e) {
            deleteTemporary();
            throw new ConnectException("Cannot save " + offsets.size() + " offsets to " + path
                + " (the offsets saved before are intact): " + e, e);
        }
        syncFolder();
    }

    @Override
    public String toString() {
        return "file " + path;
    }

    private void writeSynced(HashMap<byte[], byte[]> raw) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            out.writeObject(raw);
            out.flush();
            channel.force(true);
        }
    }

    private void replaceFile() throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            log.warn("The file system of {} cannot rename atomically ({}); replacing the offset file non-atomically",
                path, e.getMessage());
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can sync a folder, and there it is skipped. */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("Cannot sync folder {} after replacing the offset file: {}", path.getParent(), e.toString());
        }
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.warn("Cannot delete the partial offset file {}; it is overwritten by the next save", temporary, e);
        }
    }

    private String sizeOrUnknown() {
        try {
            return String.valueOf(Files.size(path));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private Map<ByteBuffer, ByteBuffer> toBuffers(Object stored) {
        if (!(stored instanceof HashMap<?, ?> map)) {
            throw new ConnectException("Cannot read offset file " + path + ": it holds a "
                + (stored == null ? "null" : stored.getClass().getName())
                + " instead of a java.util.HashMap of byte[] keys and values");
        }
        Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            offsets.put(toBuffer("key", entry.getKey()), toBuffer("value", entry.getValue()));
        }
        log.debug("Read {} offsets from {}", offsets.size(), path);
        return offsets;
    }

    private ByteBuffer toBuffer(String role, Object element) {
        if (element == null) {
            return null;
        }
        if (element instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        throw new ConnectException("Cannot read offset file " + path + ": its map has a " + role + " of type "
            + element.getClass().getName() + ", but keys and values must be byte[]");
    }

    /** An object stream that applies one filter from its first object on. */
    private static final class FilteredObjectInputStream extends ObjectInputStream {
        FilteredObjectInputStream(InputStream in, OffsetFileFilter filter) throws IOException {
            super(in);
            setObjectInputFilter(filter);
        }
    }
}

package org.apache.kafka.connect.file;

import java.util.Collections;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The shape of the file source's offsets: the source partition {@code {"filename": <file>}} and the
 * source offset {@code {"position": <byte position just after the last emitted line>}}. Standard
 * input has no position, so both maps then carry {@code null} values.
 */
final class SourceOffsetFormat {

    private SourceOffsetFormat() {
    }

    /** The source partition of a file ({@code null} for standard input). */
    static Map<String, Object> partition(String filename) {
        return Collections.singletonMap(FileStreamSourceTask.FILENAME_FIELD, filename);
    }

    /** The source offset after a line ({@code null} position for standard input). */
    static Map<String, Object> offset(Long position) {
        return Collections.singletonMap(FileStreamSourceTask.POSITION_FIELD, position);
    }

    /**
     * The byte position at which to resume, read from the offset last committed for the file; zero
     * when nothing was committed or the offset carries no position.
     *
     * @throws ConnectException if the stored position is not a non-negative long
     */
    static long resumePosition(Map<String, Object> storedOffset, String filename) {
        Object position = storedOffset == null ? null : storedOffset.get(FileStreamSourceTask.POSITION_FIELD);
        if (position == null) {
            return 0L;
        }
        if (!(position instanceof Long)) {
            throw new ConnectException("The stored offset of '" + filename + "' has a '"
                + FileStreamSourceTask.POSITION_FIELD + "' of type " + position.getClass().getName()
                + " but a Long is required; reset the connector's offsets to read the file again");
        }
        long value = (Long) position;
        if (value < 0) {
            throw new ConnectException("The stored offset of '" + filename + "' has a negative '"
                + FileStreamSourceTask.POSITION_FIELD + "' (" + value + "); reset the connector's offsets");
        }
        return value;
    }

    /**
     * Checks offsets that a user wants to write for the connector: a {@code null} offset (a tombstone)
     * is always accepted; any other offset needs a non-negative Long {@code position}, and its
     * partition must be a map with a {@code filename} key.
     *
     * @throws ConnectException naming the first offset or partition that has the wrong shape
     */
    static void validateAlteredOffsets(Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> offset = entry.getValue();
            if (offset == null) {
                continue;
            }
            if (!offset.containsKey(FileStreamSourceTask.POSITION_FIELD)) {
                throw new ConnectException("Each offset must either be null or have the key '"
                    + FileStreamSourceTask.POSITION_FIELD + "', got " + offset);
            }
            Object position = offset.get(FileStreamSourceTask.POSITION_FIELD);
            if (!(position instanceof Long)) {
                throw new ConnectException("The '" + FileStreamSourceTask.POSITION_FIELD
                    + "' of an offset must be a Long value, got " + describe(position));
            }
            if ((Long) position < 0) {
                throw new ConnectException("The '" + FileStreamSourceTask.POSITION_FIELD
                    + "' of an offset must not be negative, got " + position);
            }
            Map<String, ?> partition = entry.getKey();
            if (partition == null) {
                throw new ConnectException("A partition must not be null when its offset is not null");
            }
            if (!partition.containsKey(FileStreamSourceTask.FILENAME_FIELD)) {
                throw new ConnectException("Each partition must have the key '"
                    + FileStreamSourceTask.FILENAME_FIELD + "', got " + partition);
            }
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}

package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;

/** Conversions between the {@link ByteBuffer} keys and values of an {@link OffsetStore} and byte arrays. */
public final class ByteBuffers {

    private ByteBuffers() {
    }

    /**
     * The remaining bytes of a buffer as a new array, leaving the buffer's position untouched.
     *
     * @param buffer the buffer, or null
     * @return a copy of its remaining bytes, or null for a null buffer
     */
    public static byte[] toArray(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /**
     * A buffer over a private copy of the remaining bytes, so later changes to the caller's buffer (its
     * contents or its position, which {@link ByteBuffer#equals} depends on) cannot change a stored key.
     *
     * @param buffer the buffer, or null
     * @return the copy, or null for a null buffer
     */
    public static ByteBuffer copyOf(ByteBuffer buffer) {
        return buffer == null ? null : ByteBuffer.wrap(toArray(buffer));
    }
}

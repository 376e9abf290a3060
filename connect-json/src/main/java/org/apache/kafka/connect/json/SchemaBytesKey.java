package org.apache.kafka.connect.json;

import java.util.Arrays;

/**
 * A range of bytes used as a cache key: the JSON text of a schema inside a record. Lookups wrap the record's
 * array without copying; only keys that go into the cache own a copy.
 */
final class SchemaBytesKey {

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    private SchemaBytesKey(byte[] bytes, int from, int to, int hash) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.hash = hash;
    }

    /** A key over {@code bytes[from, to)}, sharing the array. */
    static SchemaBytesKey view(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return new SchemaBytesKey(bytes, from, to, hash);
    }

    /** An equal key that owns its bytes, safe to keep after the record's array is reused. */
    SchemaBytesKey copy() {
        byte[] own = Arrays.copyOfRange(bytes, from, to);
        return new SchemaBytesKey(own, 0, own.length, hash);
    }

    /** Whether this key's bytes equal {@code other[from, to)}. */
    boolean matches(byte[] other, int otherFrom, int otherTo) {
        return Arrays.equals(bytes, from, to, other, otherFrom, otherTo);
    }

    /** Whether {@code other} holds this key's bytes starting at {@code otherFrom}. */
    boolean isPrefixOf(byte[] other, int otherFrom) {
        int length = to - from;
        return otherFrom + length <= other.length && matches(other, otherFrom, otherFrom + length);
    }

    /** The number of bytes in the key. */
    int length() {
        return to - from;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchemaBytesKey)) {
            return false;
        }
        SchemaBytesKey other = (SchemaBytesKey) o;
        return hash == other.hash && other.matches(bytes, from, to);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}

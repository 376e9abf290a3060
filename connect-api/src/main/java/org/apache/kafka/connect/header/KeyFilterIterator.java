package org.apache.kafka.connect.header;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iterator of {@link ConnectHeaders#allWithName}: the headers with one key, read-only. A null
 * key matches nothing.
 */
final class KeyFilterIterator implements Iterator<Header> {

    private final Iterator<Header> all;
    private final String key;
    private Header next;

    KeyFilterIterator(Iterator<Header> all, String key) {
        this.all = all;
        this.key = key;
    }

    @Override
    public boolean hasNext() {
        while (next == null && key != null && all.hasNext()) {
            Header candidate = all.next();
            if (key.equals(candidate.key())) {
                next = candidate;
            }
        }
        return next != null;
    }

    @Override
    public Header next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more headers with key '" + key + "'");
        }
        Header result = next;
        next = null;
        return result;
    }

    @Override
    public void remove() {
        throw new UnsupportedOperationException("Headers cannot be removed through allWithName(); use remove(key)");
    }
}

package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.Schema;

/**
 * Connect schemas by the JSON text they were read from, bounded by {@code schemas.cache.size}. A stream of
 * records usually repeats one schema, so the last one is checked first by a plain byte comparison before the
 * text is hashed for the bounded cache. Schemas that fail to read are not cached.
 */
final class ConnectSchemaCache {

    private final Cache<SchemaBytesKey, Schema> cache;
    private final ObjectMapper treeMapper;
    private final JsonSchemaReader reader;
    private Recent recent;

    ConnectSchemaCache(int size, ObjectMapper treeMapper, JsonSchemaReader reader) {
        this.cache = new SynchronizedCache<>(new LRUCache<>(size));
        this.treeMapper = treeMapper;
        this.reader = reader;
    }

    /**
     * The schema whose JSON is {@code input[from, to)}, a well-formed JSON value; null for {@code null}.
     *
     * @throws IOException only if the text is not well-formed after all
     */
    Schema schemaFor(byte[] input, int from, int to) throws IOException {
        if (isNullLiteral(input, from, to)) {
            return null;
        }
        Recent last = recent;
        if (last != null && last.key.matches(input, from, to)) {
            return last.schema;
        }
        SchemaBytesKey key = SchemaBytesKey.view(input, from, to);
        Schema schema = cache.get(key);
        if (schema == null) {
            JsonNode json = JsonTrees.read(treeMapper, input, from, to);
            schema = reader.read(json);
            if (schema == null) {
                return null;
            }
            key = key.copy();
            cache.put(key, schema);
        } else {
            key = key.copy();
        }
        recent = new Recent(key, schema);
        return schema;
    }

    /**
     * The last schema served, if {@code input} repeats its JSON text at {@code from}; else null. A repeated
     * text is known to be one well-formed JSON value, so callers need not parse it again.
     */
    Recent recentAt(byte[] input, int from) {
        Recent last = recent;
        return last != null && last.key.isPrefixOf(input, from) ? last : null;
    }

    long size() {
        return cache.size();
    }

    private static boolean isNullLiteral(byte[] input, int from, int to) {
        return to - from == 4 && input[from] == 'n' && input[from + 1] == 'u' && input[from + 2] == 'l'
            && input[from + 3] == 'l';
    }

    /** The last schema served; immutable so that a racing reader sees either the old or the new pair. */
    static final class Recent {
        final SchemaBytesKey key;
        final Schema schema;

        /** Offset just past the schema text that starts at {@code from}. */
        int endFrom(int from) {
            return from + key.length();
        }

        Recent(SchemaBytesKey key, Schema schema) {
            this.key = key;
            this.schema = schema;
        }
    }
}

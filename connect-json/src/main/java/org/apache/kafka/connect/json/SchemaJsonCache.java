package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * The JSON text of Connect schemas, bounded by {@code schemas.cache.size} and keyed by schema equality.
 *
 * <p>Hashing a schema walks all of it, so the last schema is also remembered by identity. That shortcut is
 * taken only for schemas that cannot change after they were rendered: built {@link ConnectSchema}s all the way
 * down whose defaults are immutable values. A {@code SchemaBuilder}, or a schema with a mutable default (a
 * {@code Date}, bytes, a struct, a collection), always goes through equality, as in Apache's converter.
 */
final class SchemaJsonCache {

    /** Renders a schema's JSON text. */
    interface Renderer {
        SerializableString render(Schema schema) throws IOException;
    }

    private final Cache<Schema, SerializableString> cache;
    private final Renderer renderer;
    private Recent recent;

    SchemaJsonCache(int size, Renderer renderer) {
        this.cache = new SynchronizedCache<>(new LRUCache<>(size));
        this.renderer = renderer;
    }

    /** The schema's JSON text, ready to be written raw by a generator. */
    SerializableString jsonOf(Schema schema) throws IOException {
        Recent last = recent;
        if (last != null && last.schema == schema) {
            return last.json;
        }
        SerializableString json = cache.get(schema);
        if (json == null) {
            json = renderer.render(schema);
            cache.put(schema, json);
        }
        if (isFrozen(schema)) {
            recent = new Recent(schema, json);
        }
        return json;
    }

    long size() {
        return cache.size();
    }

    private static boolean isFrozen(Schema schema) {
        if (schema == null) {
            return true;
        }
        if (!(schema instanceof ConnectSchema) || !isImmutableValue(schema.defaultValue())) {
            return false;
        }
        switch (schema.type()) {
            case ARRAY:
                return isFrozen(schema.valueSchema());
            case MAP:
                return isFrozen(schema.keySchema()) && isFrozen(schema.valueSchema());
            case STRUCT:
                for (Field field : schema.fields()) {
                    if (!isFrozen(field.schema())) {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private static boolean isImmutableValue(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Byte
            || value instanceof Short || value instanceof Integer || value instanceof Long || value instanceof Float
            || value instanceof Double || value instanceof BigDecimal || value instanceof BigInteger;
    }

    /** The last frozen schema rendered and its text. */
    private static final class Recent {
        final Schema schema;
        final SerializableString json;

        Recent(Schema schema, SerializableString json) {
            this.schema = schema;
            this.json = json;
        }
    }
}

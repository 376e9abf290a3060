package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a {@code {"schema":...,"payload":...}} envelope in one pass when the schema comes first and each key
 * once, which is what writers produce; the payload is then converted while it is parsed. Any other order, or
 * repeated keys, falls back to reading the last occurrence of each from its byte range, as a tree would.
 * Errors are reported in a tree-first reader's order: malformed JSON, then a malformed envelope, then the
 * schema, then the payload.
 */
final class EnvelopeReader {

    private static final String NOT_AN_ENVELOPE = "JsonConverter with schemas.enable requires \"schema\" and"
        + " \"payload\" fields and may not contain additional fields. If you are trying to deserialize plain JSON"
        + " data, set schemas.enable=false in your converter configuration.";

    private static final byte[] SCHEMA_START = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_SCHEMA = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAYLOAD_START = ",\"payload\":".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper;
    private final JsonFactory payloadParsers;
    private final ConnectValueReader values;
    private final ConnectSchemaCache schemas;

    EnvelopeReader(ObjectMapper mapper, ConnectValueReader values, ConnectSchemaCache schemas) {
        this.mapper = mapper;
        this.values = values;
        this.schemas = schemas;
        // A payload parsed on its own sits one level higher than inside the envelope; one level less of
        // nesting keeps the limit where it is for the whole record.
        StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
        this.payloadParsers = mapper.getFactory().rebuild()
            .streamReadConstraints(limits.rebuild().maxNestingDepth(limits.getMaxNestingDepth() - 1).build())
            .build();
    }

    SchemaAndValue read(byte[] input) throws IOException {
        SchemaAndValue compact = readCompact(input);
        return compact != null ? compact : readAnyLayout(input);
    }

    /**
     * Reads the layout that writers produce, {@code {"schema":S,"payload":P}} without spaces, when S repeats the
     * last schema: S is compared byte for byte instead of being parsed, and only P is parsed. Null means the
     * record is laid out otherwise or has a problem that the general reader must report in its own order.
     */
    private SchemaAndValue readCompact(byte[] input) throws IOException {
        int schemaFrom = SCHEMA_START.length;
        if (!startsWith(input, 0, SCHEMA_START)) {
            return null;
        }
        Schema schema;
        int schemaTo;
        if (startsWith(input, schemaFrom, NULL_SCHEMA)) {
            schema = null;
            schemaTo = schemaFrom + NULL_SCHEMA.length;
        } else {
            ConnectSchemaCache.Recent recent = schemas.recentAt(input, schemaFrom);
            if (recent == null) {
                return null;
            }
            schema = recent.schema;
            schemaTo = recent.endFrom(schemaFrom);
        }
        int payloadFrom = schemaTo + PAYLOAD_START.length;
        if (!startsWith(input, schemaTo, PAYLOAD_START) || payloadFrom >= input.length
            || !startsStructureOrLiteral(input[payloadFrom])) {
            return null;
        }
        Object payload = null;
        RuntimeException failure = null;
        int payloadTo;
        try (JsonParser parser = payloadParsers.createParser(input, payloadFrom, input.length - payloadFrom)) {
            parser.nextToken();
            try {
                payload = values.read(schema, parser, true);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                parser.finishToken();
            }
            payloadTo = payloadFrom + offset(parser.currentLocation().getByteOffset());
        } catch (IOException e) {
            return null;
        }
        if (!closesObject(input, payloadTo)) {
            return null;
        }
        if (failure != null) {
            throw failure;
        }
        return new SchemaAndValue(schema, payload);
    }

    /**
     * Whether a root-level parse of a value starting with {@code first} ends where it would end inside the
     * envelope: numbers are excluded because at root level Jackson also checks the character after them.
     */
    private static boolean startsStructureOrLiteral(byte first) {
        return first == '{' || first == '[' || first == '"' || first == 't' || first == 'f' || first == 'n';
    }

    private static boolean closesObject(byte[] input, int from) {
        int i = from;
        while (i < input.length && (input[i] == ' ' || input[i] == '\t' || input[i] == '\n' || input[i] == '\r')) {
            i++;
        }
        return i < input.length && input[i] == '}';
    }

    private static boolean startsWith(byte[] input, int from, byte[] prefix) {
        return from + prefix.length <= input.length
            && Arrays.equals(input, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private SchemaAndValue readAnyLayout(byte[] input) throws IOException {
        try (JsonParser parser = mapper.createParser(input)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                if (token != null) {
                    ConnectValueReader.skip(parser, true);
                }
                throw new DataException(NOT_AN_ENVELOPE);
            }
            Scan scan = new Scan();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (JsonSchema.ENVELOPE_SCHEMA_FIELD_NAME.equals(name)) {
                    scanSchema(parser, input, scan);
                } else if (JsonSchema.ENVELOPE_PAYLOAD_FIELD_NAME.equals(name)) {
                    scanPayload(parser, scan);
                } else {
                    scan.otherFields = true;
                    ConnectValueReader.skip(parser, true);
                }
            }
            return finish(input, scan);
        }
    }

    private void scanSchema(JsonParser parser, byte[] input, Scan scan) throws IOException {
        scan.schemaCount++;
        scan.schemaFrom = offset(parser.currentTokenLocation().getByteOffset());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            // Not validated here: the schema cache parses in full any text it has not seen before.
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
        scan.schemaTo = offset(parser.currentLocation().getByteOffset());
        if (scan.schemaCount == 1 && scan.payloadCount == 0) {
            try {
                scan.schema = schemas.schemaFor(input, scan.schemaFrom, scan.schemaTo);
            } catch (RuntimeException e) {
                scan.schemaFailure = e;
            }
        }
    }

    private void scanPayload(JsonParser parser, Scan scan) throws IOException {
        scan.payloadCount++;
        scan.payloadFrom = offset(parser.currentTokenLocation().getByteOffset());
        if (scan.schemaCount == 1 && scan.payloadCount == 1 && scan.schemaFailure == null) {
            scan.payloadRead = true;
            try {
                scan.payload = values.read(scan.schema, parser, true);
            } catch (RuntimeException e) {
                scan.payloadFailure = e;
            }
        } else {
            ConnectValueReader.skip(parser, true);
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            parser.finishToken();
        }
        scan.payloadTo = offset(parser.currentLocation().getByteOffset());
    }

    private SchemaAndValue finish(byte[] input, Scan scan) throws IOException {
        if (scan.otherFields || scan.schemaCount == 0 || scan.payloadCount == 0) {
            throw new DataException(NOT_AN_ENVELOPE);
        }
        if (scan.schemaCount == 1 && scan.payloadCount == 1) {
            if (scan.schemaFailure != null) {
                throw scan.schemaFailure;
            }
            if (scan.payloadRead) {
                if (scan.payloadFailure != null) {
                    throw scan.payloadFailure;
                }
                return new SchemaAndValue(scan.schema, scan.payload);
            }
        }
        Schema schema = schemas.schemaFor(input, scan.schemaFrom, scan.schemaTo);
        try (JsonParser payload = mapper.createParser(input, scan.payloadFrom, scan.payloadTo - scan.payloadFrom)) {
            payload.nextToken();
            return new SchemaAndValue(schema, values.read(schema, payload, true));
        }
    }

    private static int offset(long byteOffset) {
        return (int) byteOffset;
    }

    /** What one pass over the envelope found. */
    private static final class Scan {
        int schemaCount;
        int schemaFrom;
        int schemaTo;
        Schema schema;
        RuntimeException schemaFailure;
        int payloadCount;
        int payloadFrom;
        int payloadTo;
        boolean payloadRead;
        Object payload;
        RuntimeException payloadFailure;
        boolean otherFields;
    }
}

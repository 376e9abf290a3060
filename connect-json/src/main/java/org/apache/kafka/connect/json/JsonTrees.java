package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads Jackson trees for the parts of a record that are converted from a tree, reporting every failure as
 * malformed JSON: Jackson signals some number syntax problems (an exponent beyond int range) with a
 * RuntimeException, which must not be mistaken for a conversion error.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** The tree of {@code input[from, to)}. */
    static JsonNode read(ObjectMapper mapper, byte[] input, int from, int to) throws IOException {
        try {
            return mapper.readTree(input, from, to - from);
        } catch (RuntimeException e) {
            throw new JsonParseException((JsonParser) null, "Malformed JSON: " + e.getMessage(), e);
        }
    }

    /** The tree of the value at the parser's current token; the parser ends on the value's last token. */
    static JsonNode read(ObjectMapper mapper, JsonParser parser) throws IOException {
        try {
            return mapper.readTree(parser);
        } catch (RuntimeException e) {
            throw new JsonParseException(parser, "Malformed JSON: " + e.getMessage(), e);
        }
    }
}

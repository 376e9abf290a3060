package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Where the schema and value writers put JSON: straight into a streaming generator on the hot path, or into a
 * Jackson tree where a caller asks for nodes. Each scalar method names the Java type so that a tree gets the same
 * node classes as Apache's converter builds (a short becomes a ShortNode, a byte an IntNode).
 */
interface JsonOut {

    void startObject() throws IOException;

    void endObject() throws IOException;

    void startArray() throws IOException;

    void endArray() throws IOException;

    void fieldName(String name) throws IOException;

    void nullValue() throws IOException;

    void booleanValue(boolean value) throws IOException;

    void intValue(int value) throws IOException;

    void shortValue(short value) throws IOException;

    void longValue(long value) throws IOException;

    void floatValue(float value) throws IOException;

    void doubleValue(double value) throws IOException;

    void decimalValue(BigDecimal value) throws IOException;

    void stringValue(String value) throws IOException;

    void binaryValue(byte[] value) throws IOException;

    /** Writes a finished tree as the next value. */
    void tree(JsonNode node) throws IOException;
}

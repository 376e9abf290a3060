package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;

/** Streams JSON into a Jackson generator created by the serializer's mapper, so bytes match tree serialization. */
final class GeneratorJsonOut implements JsonOut {

    private final JsonGenerator generator;

    GeneratorJsonOut(JsonGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void startObject() throws IOException {
        generator.writeStartObject();
    }

    @Override
    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    @Override
    public void startArray() throws IOException {
        generator.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    @Override
    public void fieldName(String name) throws IOException {
        generator.writeFieldName(name);
    }

    @Override
    public void nullValue() throws IOException {
        generator.writeNull();
    }

    @Override
    public void booleanValue(boolean value) throws IOException {
        generator.writeBoolean(value);
    }

    @Override
    public void intValue(int value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void shortValue(short value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void longValue(long value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void floatValue(float value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void doubleValue(double value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void decimalValue(BigDecimal value) throws IOException {
        generator.writeNumber(value);
    }

    @Override
    public void stringValue(String value) throws IOException {
        generator.writeString(value);
    }

    @Override
    public void binaryValue(byte[] value) throws IOException {
        generator.writeBinary(value);
    }

    @Override
    public void tree(JsonNode node) throws IOException {
        generator.writeTree(node);
    }
}

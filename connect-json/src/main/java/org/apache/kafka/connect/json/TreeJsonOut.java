package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds a Jackson tree from writer calls. A repeated field name replaces the earlier value in place, which is
 * what a JSON object keyed by converted map keys must do.
 */
final class TreeJsonOut implements JsonOut {

    private final JsonNodeFactory nodes;
    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
    private String fieldName;
    private JsonNode root;

    TreeJsonOut(JsonNodeFactory nodes) {
        this.nodes = nodes;
    }

    /** The finished tree; null when nothing was written. */
    JsonNode root() {
        return root;
    }

    @Override
    public void startObject() {
        push(nodes.objectNode());
    }

    @Override
    public void endObject() {
        pop();
    }

    @Override
    public void startArray() {
        push(nodes.arrayNode());
    }

    @Override
    public void endArray() {
        pop();
    }

    @Override
    public void fieldName(String name) {
        fieldName = name;
    }

    @Override
    public void nullValue() {
        add(nodes.nullNode());
    }

    @Override
    public void booleanValue(boolean value) {
        add(nodes.booleanNode(value));
    }

    @Override
    public void intValue(int value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void shortValue(short value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void longValue(long value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void floatValue(float value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void doubleValue(double value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void decimalValue(BigDecimal value) {
        add(nodes.numberNode(value));
    }

    @Override
    public void stringValue(String value) {
        add(nodes.textNode(value));
    }

    @Override
    public void binaryValue(byte[] value) {
        add(nodes.binaryNode(value));
    }

    @Override
    public void tree(JsonNode node) {
        add(node);
    }

    private void push(ContainerNode<?> container) {
        add(container);
        open.push(container);
    }

    private void pop() {
        open.pop();
    }

    private void add(JsonNode node) {
        ContainerNode<?> parent = open.peek();
        if (parent == null) {
            root = node;
        } else if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(fieldName, node);
            fieldName = null;
        } else {
            ((ArrayNode) parent).add(node);
        }
    }
}

package dev.sluice.distribution.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two JSON trees, Apache's answer and ours, and lists every place where they differ, each as
 * {@code path: Apache has X, ours Y}.
 *
 * <p>The structure must be equal everywhere: the same object keys, the same array lengths and the same kind of
 * value (string, number, boolean, array, object, null). Values are compared too, except under the object keys
 * named as <em>shape-only</em>, whose values legitimately differ between the two workers (a worker id, a version
 * string, an error message's wording): there only the structure counts. Object key order is not compared.
 */
final class JsonShapeDiff {

    private static final int MAX_SHOWN = 300;

    private final Set<String> shapeOnlyKeys;
    private final List<String> differences = new ArrayList<>();

    private JsonShapeDiff(Set<String> shapeOnlyKeys) {
        this.shapeOnlyKeys = shapeOnlyKeys;
    }

    /**
     * @param apache        Apache's answer
     * @param ours          our answer
     * @param shapeOnlyKeys object keys (at any depth) whose values are compared by structure only
     * @return the differences, empty if none
     */
    static List<String> compare(JsonNode apache, JsonNode ours, Set<String> shapeOnlyKeys) {
        return compare("$", apache, ours, shapeOnlyKeys);
    }

    /** As {@link #compare(JsonNode, JsonNode, Set)}, for a part of an answer found at {@code path}. */
    static List<String> compare(String path, JsonNode apache, JsonNode ours, Set<String> shapeOnlyKeys) {
        JsonShapeDiff diff = new JsonShapeDiff(shapeOnlyKeys);
        diff.compare(path, apache, ours, true);
        return diff.differences;
    }

    /** Compares structure only, no values at all. */
    static List<String> compareShape(String path, JsonNode apache, JsonNode ours) {
        JsonShapeDiff diff = new JsonShapeDiff(Set.of());
        diff.compare(path, apache, ours, false);
        return diff.differences;
    }

    /** @return a JSON value for a message, cut after a few hundred characters */
    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...(" + text.length() + " chars)";
    }

    private void compare(String path, JsonNode apache, JsonNode ours, boolean compareValues) {
        JsonNodeType type = apache.getNodeType();
        if (type != ours.getNodeType()) {
            differ(path, "a " + kind(apache) + " " + show(apache), "a " + kind(ours) + " " + show(ours));
            return;
        }
        switch (type) {
            case OBJECT -> compareObjects(path, apache, ours, compareValues);
            case ARRAY -> compareArrays(path, apache, ours, compareValues);
            default -> {
                // asText: an int and a long of the same value are the same JSON number
                if (compareValues && !apache.asText().equals(ours.asText())) {
                    differ(path, show(apache), show(ours));
                }
            }
        }
    }

    private void compareObjects(String path, JsonNode apache, JsonNode ours, boolean compareValues) {
        Set<String> apacheKeys = keys(apache);
        Set<String> ourKeys = keys(ours);
        if (!apacheKeys.equals(ourKeys)) {
            Set<String> onlyApache = new TreeSet<>(apacheKeys);
            onlyApache.removeAll(ourKeys);
            Set<String> onlyOurs = new TreeSet<>(ourKeys);
            onlyOurs.removeAll(apacheKeys);
            differ(path, "keys " + apacheKeys + " (only Apache: " + onlyApache + ")",
                    "keys " + ourKeys + " (only ours: " + onlyOurs + ")");
        }
        for (String key : apacheKeys) {
            if (ourKeys.contains(key)) {
                compare(path + "." + key, apache.get(key), ours.get(key), compareValues && !shapeOnlyKeys.contains(key));
            }
        }
    }

    private void compareArrays(String path, JsonNode apache, JsonNode ours, boolean compareValues) {
        if (apache.size() != ours.size()) {
            differ(path, apache.size() + " elements " + show(apache), ours.size() + " elements " + show(ours));
        }
        int common = Math.min(apache.size(), ours.size());
        for (int i = 0; i < common; i++) {
            compare(path + "[" + i + "]", apache.get(i), ours.get(i), compareValues);
        }
    }

    private void differ(String path, String apache, String ours) {
        differences.add(path + ": Apache has " + apache + ", ours " + ours);
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}

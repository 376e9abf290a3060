package dev.sluice.distribution.interop;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two answers of {@code GET /connector-plugins}. The two workers legitimately install different class
 * sets (Apache's runtime jars against our distribution), so the lists are not compared element by element. What
 * must agree: the entries of the FileStream connectors (class and type; the version string is the plugin's), the
 * shape of every entry of a class both list, the type of every class both list, and the ordering rule: the order in
 * which the types follow each other, and whether the classes are sorted within each type.
 */
final class PluginListDiff {

    private static final String FILE_STREAM_PREFIX = "org.apache.kafka.connect.file.FileStream";

    private PluginListDiff() {
    }

    /**
     * @return the differences, each with a path into the answer ({@code $[FileStreamSinkConnector]...})
     */
    static List<String> compare(JsonNode apache, JsonNode ours) {
        List<String> differences = new ArrayList<>();
        if (!apache.isArray() || !ours.isArray()) {
            differences.add("$: Apache has " + JsonShapeDiff.show(apache) + ", ours " + JsonShapeDiff.show(ours)
                    + " (expected two arrays)");
            return differences;
        }
        Map<String, JsonNode> apacheEntries = byClassAndType(apache);
        Map<String, JsonNode> ourEntries = byClassAndType(ours);

        Set<String> fileStream = new TreeSet<>();
        apacheEntries.keySet().stream().filter(key -> key.startsWith(FILE_STREAM_PREFIX)).forEach(fileStream::add);
        ourEntries.keySet().stream().filter(key -> key.startsWith(FILE_STREAM_PREFIX)).forEach(fileStream::add);
        for (String key : fileStream) {
            JsonNode apacheEntry = apacheEntries.get(key);
            JsonNode ourEntry = ourEntries.get(key);
            if (apacheEntry == null || ourEntry == null) {
                differences.add("$[" + key + "]: Apache has " + JsonShapeDiff.show(apacheEntry) + ", ours " + JsonShapeDiff.show(ourEntry));
            } else {
                differences.addAll(JsonShapeDiff.compare("$[" + key + "]", apacheEntry, ourEntry, Set.of("version")));
            }
        }
        for (Map.Entry<String, JsonNode> entry : apacheEntries.entrySet()) {
            JsonNode ourEntry = ourEntries.get(entry.getKey());
            if (ourEntry != null && !entry.getKey().startsWith(FILE_STREAM_PREFIX)) {
                differences.addAll(JsonShapeDiff.compareShape("$[" + entry.getKey() + "]", entry.getValue(), ourEntry));
            }
        }

        Map<String, Set<String>> apacheTypes = typesByClass(apache);
        Map<String, Set<String>> ourTypes = typesByClass(ours);
        apacheTypes.forEach((pluginClass, types) -> {
            Set<String> theirs = ourTypes.get(pluginClass);
            if (theirs != null && !theirs.equals(types)) {
                differences.add("$[" + pluginClass + "].type: Apache has " + types + ", ours " + theirs);
            }
        });

        List<String> apacheOrder = typeOrder(apache);
        List<String> ourOrder = typeOrder(ours);
        if (!apacheOrder.equals(ourOrder)) {
            differences.add("$ (order of types): Apache has " + apacheOrder + ", ours " + ourOrder);
        }
        boolean apacheSorted = sortedWithinTypes(apache);
        boolean oursSorted = sortedWithinTypes(ours);
        if (apacheSorted != oursSorted) {
            differences.add("$ (classes sorted within each type): Apache " + apacheSorted + ", ours " + oursSorted);
        }
        return differences;
    }

    /** @return the classes that only one of the two lists has, for information: {@code [only Apache, only ours]} */
    static List<Set<String>> classesListedByOneOnly(JsonNode apache, JsonNode ours) {
        Set<String> onlyApache = new TreeSet<>(byClassAndType(apache).keySet());
        Set<String> onlyOurs = new TreeSet<>(byClassAndType(ours).keySet());
        onlyApache.removeAll(byClassAndType(ours).keySet());
        onlyOurs.removeAll(byClassAndType(apache).keySet());
        return List.of(onlyApache, onlyOurs);
    }

    private static Map<String, JsonNode> byClassAndType(JsonNode list) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        list.forEach(entry -> entries.put(entry.path("class").asText() + " (" + entry.path("type").asText() + ")", entry));
        return entries;
    }

    private static Map<String, Set<String>> typesByClass(JsonNode list) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        list.forEach(entry -> types.computeIfAbsent(entry.path("class").asText(), key -> new TreeSet<>())
                .add(entry.path("type").asText()));
        return types;
    }

    /** @return the types in the order the list has them, each run of equal types counted once */
    private static List<String> typeOrder(JsonNode list) {
        List<String> order = new ArrayList<>();
        list.forEach(entry -> {
            String type = entry.path("type").asText();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(type)) {
                order.add(type);
            }
        });
        return order;
    }

    private static boolean sortedWithinTypes(JsonNode list) {
        String previousType = null;
        String previousClass = null;
        for (JsonNode entry : list) {
            String type = entry.path("type").asText();
            String pluginClass = entry.path("class").asText();
            if (type.equals(previousType) && previousClass.compareTo(pluginClass) > 0) {
                return false;
            }
            previousType = type;
            previousClass = pluginClass;
        }
        return true;
    }
}

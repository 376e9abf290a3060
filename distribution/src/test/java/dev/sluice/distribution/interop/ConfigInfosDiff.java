package dev.sluice.distribution.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two answers of {@code PUT /connector-plugins/{plugin}/config/validate} (Apache's {@code ConfigInfos}).
 *
 * <p>Compared: the top-level keys and {@code name}, {@code error_count}, {@code groups} (in order), the config
 * keys the answer describes (as a set, then their order), the set of those that have errors, and for every key
 * both describe the structure of its entry (the keys and value kinds of {@code definition} and {@code value}, and
 * the lengths of their lists). Not compared: documentation texts, error wording and the other values inside the
 * entries.
 */
final class ConfigInfosDiff {

    private ConfigInfosDiff() {
    }

    /** @return the differences, each with a path into the answer */
    static List<String> compare(JsonNode apache, JsonNode ours) {
        List<String> differences = new ArrayList<>(JsonShapeDiff.compareShape("$", withoutConfigs(apache), withoutConfigs(ours)));
        for (String field : List.of("name", "error_count", "groups")) {
            differences.addAll(JsonShapeDiff.compare("$." + field, apache.path(field), ours.path(field), Set.of()));
        }
        Map<String, JsonNode> apacheConfigs = byName(apache.path("configs"));
        Map<String, JsonNode> ourConfigs = byName(ours.path("configs"));
        compareSets(differences, "$.configs (names)", apacheConfigs.keySet(), ourConfigs.keySet());
        if (apacheConfigs.keySet().equals(ourConfigs.keySet())
                && !List.copyOf(apacheConfigs.keySet()).equals(List.copyOf(ourConfigs.keySet()))) {
            differences.add("$.configs (order of names): Apache has " + apacheConfigs.keySet() + ", ours " + ourConfigs.keySet());
        }
        compareSets(differences, "$.configs (names with errors)", namesWithErrors(apacheConfigs), namesWithErrors(ourConfigs));
        apacheConfigs.forEach((name, apacheEntry) -> {
            JsonNode ourEntry = ourConfigs.get(name);
            if (ourEntry != null) {
                differences.addAll(JsonShapeDiff.compareShape("$.configs[" + name + "]", apacheEntry, ourEntry));
            }
        });
        return differences;
    }

    private static JsonNode withoutConfigs(JsonNode infos) {
        JsonNode copy = infos.deepCopy();
        if (copy.isObject() && copy.has("configs")) {
            ((ObjectNode) copy).putArray("configs");
        }
        return copy;
    }

    /** Entries by the name in their value (or definition, for an entry without a value). */
    private static Map<String, JsonNode> byName(JsonNode configs) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        configs.forEach(entry -> {
            JsonNode name = entry.path("value").path("name");
            if (name.isMissingNode() || name.isNull()) {
                name = entry.path("definition").path("name");
            }
            entries.put(name.asText(), entry);
        });
        return entries;
    }

    private static Set<String> namesWithErrors(Map<String, JsonNode> entries) {
        Set<String> names = new TreeSet<>();
        entries.forEach((name, entry) -> {
            if (!entry.path("value").path("errors").isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }

    private static void compareSets(List<String> differences, String path, Set<String> apache, Set<String> ours) {
        if (!apache.equals(ours)) {
            Set<String> onlyApache = new TreeSet<>(apache);
            onlyApache.removeAll(ours);
            Set<String> onlyOurs = new TreeSet<>(ours);
            onlyOurs.removeAll(apache);
            differences.add(path + ": only Apache has " + onlyApache + ", only ours " + onlyOurs);
        }
    }
}

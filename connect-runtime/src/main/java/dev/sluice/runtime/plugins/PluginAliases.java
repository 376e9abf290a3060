package dev.sluice.runtime.plugins;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Short names for plugin classes: the simple class name, and the simple name pruned at the last occurrence
 * of the type's suffix ({@code FileStreamSourceConnector} → {@code FileStreamSource},
 * {@code JsonConverter} → {@code Json}). An alias that would name more than one class is dropped.
 */
final class PluginAliases {

    private PluginAliases() {
    }

    /**
     * The unambiguous aliases of the given plugins, alias to class name, sorted by alias.
     * The same class found in several locations or under several types is one class.
     */
    static Map<String, String> compute(Collection<DiscoveredPlugin> plugins) {
        Map<String, Set<String>> classesByAlias = new HashMap<>();
        for (DiscoveredPlugin plugin : plugins) {
            for (String alias : aliasesOf(plugin.pluginClass(), plugin.type())) {
                classesByAlias.computeIfAbsent(alias, a -> new HashSet<>()).add(plugin.className());
            }
        }
        Map<String, String> aliases = new TreeMap<>();
        classesByAlias.forEach((alias, classes) -> {
            if (classes.size() == 1) {
                aliases.put(alias, classes.iterator().next());
            }
        });
        return aliases;
    }

    /** The candidate aliases of one class as a plugin of one type (one or two names). */
    static List<String> aliasesOf(Class<?> pluginClass, PluginType type) {
        String simple = pluginClass.getSimpleName();
        String pruned = prune(simple, type.aliasSuffix());
        return pruned.equals(simple) ? List.of(simple) : List.of(simple, pruned);
    }

    /** {@code simpleName} cut at the last occurrence of {@code suffix}, unless that occurrence starts the name. */
    static String prune(String simpleName, String suffix) {
        int at = simpleName.lastIndexOf(suffix);
        return at > 0 ? simpleName.substring(0, at) : simpleName;
    }
}

package dev.sluice.runtime.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable index of discovered plugins: by class name and alias, with the rule for choosing among
 * copies of one class in several places.
 *
 * <p>A name resolves first as a class name, then as an alias. Among copies of the class, one in the
 * connector's own location wins (co-location); otherwise the highest version, and on a tie the copy on the
 * runtime's class path, then the first location in {@code plugin.path} order.
 */
final class PluginRegistry {

    private static final int MAX_CLOSE_MATCHES = 5;

    private final List<DiscoveredPlugin> plugins;
    private final Map<String, List<DiscoveredPlugin>> byClassName = new HashMap<>();
    private final Map<String, String> aliases;
    private final List<PluginDescriptor> descriptors;

    /** Indexes plugins listed in discovery order (the class path, then plugin.path locations in order). */
    PluginRegistry(List<DiscoveredPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        for (DiscoveredPlugin plugin : this.plugins) {
            byClassName.computeIfAbsent(plugin.className(), n -> new ArrayList<>()).add(plugin);
        }
        this.aliases = Map.copyOf(PluginAliases.compute(this.plugins));
        Map<String, List<String>> aliasesByClass = new HashMap<>();
        aliases.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> aliasesByClass.computeIfAbsent(e.getValue(), c -> new ArrayList<>()).add(e.getKey()));
        this.descriptors = this.plugins.stream()
            .map(p -> new PluginDescriptor(p.className(), p.type(), p.version(), p.source().describe(),
                aliasesByClass.getOrDefault(p.className(), List.of())))
            .sorted(Comparator.comparing(PluginDescriptor::type).thenComparing(PluginDescriptor::className)
                .thenComparing(PluginDescriptor::version, PluginVersions.ORDER).thenComparing(PluginDescriptor::location))
            .toList();
    }

    List<DiscoveredPlugin> plugins() {
        return plugins;
    }

    List<PluginDescriptor> descriptors() {
        return descriptors;
    }

    /** Alias to class name, for every unambiguous alias. */
    Map<String, String> aliases() {
        return aliases;
    }

    /** The class name that {@code classOrAlias} stands for: itself if a plugin has that class name, else the alias's class. */
    String className(String classOrAlias) {
        if (byClassName.containsKey(classOrAlias)) {
            return classOrAlias;
        }
        return aliases.getOrDefault(classOrAlias, classOrAlias);
    }

    /**
     * The copy of the named plugin to use, among plugins of the given types.
     *
     * @param connectorLoader the loader of the connector this plugin serves, or {@code null}; a copy in that
     *                        loader's location is preferred
     */
    Optional<DiscoveredPlugin> find(String classOrAlias, Collection<PluginType> types, ClassLoader connectorLoader) {
        List<DiscoveredPlugin> copies = byClassName.getOrDefault(className(classOrAlias), List.of()).stream()
            .filter(p -> types.contains(p.type()))
            .toList();
        if (connectorLoader != null) {
            for (DiscoveredPlugin copy : copies) {
                if (copy.source().loader() == connectorLoader) {
                    return Optional.of(copy);
                }
            }
        }
        return copies.stream().reduce(PluginRegistry::preferred);
    }

    /** For the delegating loader: each isolated plugin class name to the loader of its preferred copy. */
    Map<String, ClassLoader> routes() {
        Map<String, DiscoveredPlugin> chosen = new LinkedHashMap<>();
        for (DiscoveredPlugin plugin : plugins) {
            chosen.merge(plugin.className(), plugin, PluginRegistry::preferred);
        }
        Map<String, ClassLoader> routes = new HashMap<>();
        chosen.forEach((name, plugin) -> {
            if (plugin.source().isIsolated()) {
                routes.put(name, plugin.source().loader());
            }
        });
        return routes;
    }

    /** How many distinct plugin classes of the given types are installed. */
    long count(Collection<PluginType> types) {
        return plugins.stream().filter(p -> types.contains(p.type())).map(DiscoveredPlugin::className).distinct().count();
    }

    /** Class names of installed plugins of the given types whose names resemble {@code requested}, closest first. */
    List<String> closeMatches(String requested, Collection<PluginType> types) {
        String wanted = NameDistance.shortName(requested).toLowerCase(Locale.ROOT);
        Map<String, Integer> distances = new HashMap<>();
        for (DiscoveredPlugin plugin : plugins) {
            if (!types.contains(plugin.type())) {
                continue;
            }
            List<String> names = new ArrayList<>(PluginAliases.aliasesOf(plugin.pluginClass(), plugin.type()));
            names.add(plugin.className());
            for (String name : names) {
                int distance = NameDistance.between(wanted, NameDistance.shortName(name).toLowerCase(Locale.ROOT));
                distances.merge(plugin.className(), distance, Math::min);
            }
        }
        int tolerance = Math.max(2, wanted.length() / 3);
        return distances.entrySet().stream()
            .filter(e -> e.getValue() <= tolerance)
            .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_CLOSE_MATCHES)
            .map(Map.Entry::getKey)
            .toList();
    }

    private static DiscoveredPlugin preferred(DiscoveredPlugin first, DiscoveredPlugin second) {
        int byVersion = PluginVersions.ORDER.compare(first.version(), second.version());
        if (byVersion != 0) {
            return byVersion > 0 ? first : second;
        }
        if (first.source().isIsolated() != second.source().isIsolated()) {
            return first.source().isIsolated() ? second : first;
        }
        return first;
    }
}

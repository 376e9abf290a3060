package dev.sluice.runtime.plugins;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins by reading class-file headers with ClassGraph, without loading every class.
 *
 * <p>The scan covers only the source's own class path. A concrete public class becomes a candidate when
 * one of its supertypes is a plugin base type by name, or is a type outside the scanned class path (a
 * runtime class the plugin extends, say) that the source's loader resolves to a subtype of a plugin base
 * type. Only candidates are loaded (without initialization) and confirmed with
 * {@link Class#isAssignableFrom(Class)} against the runtime's base types.
 */
final class BytecodeScanner {

    private static final Logger log = LoggerFactory.getLogger(BytecodeScanner.class);

    /** External supertypes under these prefixes are JDK types, which never lead to a plugin base type. */
    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** The classes of {@code source} that are subtypes of the given plugin types. */
    Set<PluginCandidate> scan(PluginSource source, Collection<PluginType> types) {
        Set<PluginCandidate> found = new LinkedHashSet<>();
        if (types.isEmpty()) {
            return found;
        }
        Set<String> baseNames = types.stream().map(t -> t.baseType().getName()).collect(Collectors.toSet());
        ExternalTypes external = new ExternalTypes(source, types);
        try (ScanResult scan = classGraph(source).scan()) {
            for (ClassInfo info : scan.getAllStandardClasses()) {
                if (isConcretePublic(info) && reachesPluginType(info, baseNames, external)) {
                    confirm(source, info.getName(), types, found);
                }
            }
        } catch (RuntimeException e) {
            log.error("Cannot scan the class path of plugin source {} for plugins; its scanned plugins are missing: {}",
                source.describe(), e.toString(), e);
        }
        return found;
    }

    private static ClassGraph classGraph(PluginSource source) {
        ClassGraph graph = new ClassGraph().enableClassInfo().ignoreClassVisibility().disableModuleScanning()
            .disableNestedJarScanning();
        return source.pluginLocation()
            .map(location -> {
                graph.overrideClasspath(location.classPath());
                return location.isSingleClassFile() ? graph.acceptClasses(location.singleClassName()) : graph;
            })
            .orElseGet(() -> graph.overrideClassLoaders(source.loader()));
    }

    private static boolean isConcretePublic(ClassInfo info) {
        return info.isPublic() && !info.isAbstract() && !info.isAnonymousInnerClass();
    }

    private static boolean reachesPluginType(ClassInfo info, Set<String> baseNames, ExternalTypes external) {
        for (ClassInfo supertype : supertypes(info)) {
            String name = supertype.getName();
            if (baseNames.contains(name)) {
                return true;
            }
            if (supertype.isExternalClass() && external.isPluginSubtype(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<ClassInfo> supertypes(ClassInfo info) {
        List<ClassInfo> all = new ArrayList<>(info.getSuperclasses());
        all.addAll(info.getInterfaces());
        return all;
    }

    private static void confirm(PluginSource source, String className, Collection<PluginType> types, Set<PluginCandidate> found) {
        Class<?> loaded;
        try {
            loaded = Class.forName(className, false, source.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.warn("Skipping class {} of plugin source {}: it cannot be loaded ({}); a library it needs may be missing",
                className, source.describe(), e.toString());
            return;
        }
        if (!source.defines(loaded)) {
            log.debug("Class {} found in plugin source {} is served by {}; not attributed to this source",
                className, source.describe(), loaded.getClassLoader());
            return;
        }
        for (PluginType type : types) {
            if (type.baseType().isAssignableFrom(loaded)) {
                found.add(new PluginCandidate(loaded, type));
            }
        }
    }

    /** Resolves supertypes outside the scanned class path through the source's loader, once per name. */
    private static final class ExternalTypes {
        private final PluginSource source;
        private final Collection<PluginType> types;
        private final Map<String, Boolean> pluginSubtype = new HashMap<>();

        ExternalTypes(PluginSource source, Collection<PluginType> types) {
            this.source = source;
            this.types = types;
        }

        boolean isPluginSubtype(String name) {
            for (String prefix : JDK_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return false;
                }
            }
            return pluginSubtype.computeIfAbsent(name, this::resolve);
        }

        private boolean resolve(String name) {
            try {
                Class<?> type = Class.forName(name, false, source.loader());
                return types.stream().anyMatch(t -> t.baseType().isAssignableFrom(type));
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("Supertype {} referenced in plugin source {} cannot be loaded ({}); classes extending it are not plugins",
                    name, source.describe(), e.toString());
                return false;
            }
        }
    }
}

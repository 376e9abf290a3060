package dev.sluice.runtime.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker setting {@code plugin.path}: a comma-separated list of directories whose immediate
 * children are plugin locations, or of archives that are each one location.
 *
 * <p>An element that does not exist or cannot be listed is logged and skipped; the worker starts with
 * the plugins it can find.
 */
public final class PluginPath {

    /** The setting's name in the worker configuration. */
    public static final String CONFIG = "plugin.path";

    private static final Logger log = LoggerFactory.getLogger(PluginPath.class);

    private final List<Path> elements;

    private PluginPath(List<Path> elements) {
        this.elements = List.copyOf(elements);
    }

    /** Parses a setting value; {@code null} or blank means no plugin path. Empty elements are ignored. */
    public static PluginPath parse(String value) {
        List<Path> elements = new ArrayList<>();
        if (value != null) {
            for (String element : value.split(",")) {
                String trimmed = element.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    elements.add(Paths.get(trimmed).toAbsolutePath().normalize());
                } catch (InvalidPathException e) {
                    log.error("Ignoring {} element '{}': it is not a valid path ({})", CONFIG, trimmed, e.getMessage());
                }
            }
        }
        return new PluginPath(elements);
    }

    /** A plugin path of the given elements. */
    public static PluginPath of(List<Path> elements) {
        return new PluginPath(elements.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    /** The elements in the order configured. */
    public List<Path> elements() {
        return elements;
    }

    /**
     * The plugin locations of all elements, element by element and, within a directory, sorted by name.
     * Missing or unreadable elements and locations are logged and skipped.
     */
    public List<PluginLocation> locations() {
        List<PluginLocation> locations = new ArrayList<>();
        for (Path element : elements) {
            for (Path candidate : candidates(element)) {
                try {
                    PluginLocation location = PluginLocation.of(candidate);
                    if (location.classPath().isEmpty()) {
                        log.warn("Skipping plugin location {}: it holds no readable archive or class file", candidate);
                    } else {
                        locations.add(location);
                    }
                } catch (IOException | RuntimeException e) {
                    log.error("Skipping plugin location {}: {}", candidate, e.toString());
                }
            }
        }
        return locations;
    }

    private static List<Path> candidates(Path element) {
        if (!Files.exists(element)) {
            log.error("Skipping {} element {}: it does not exist", CONFIG, element);
            return List.of();
        }
        if (PluginLocation.isArchive(element)) {
            return List.of(element);
        }
        if (!Files.isDirectory(element)) {
            log.warn("Skipping {} element {}: it is neither a directory nor a .jar/.zip archive", CONFIG, element);
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(element, PluginPath::isLocation)) {
            listing.forEach(children::add);
        } catch (IOException e) {
            log.error("Skipping {} element {}: it cannot be listed ({})", CONFIG, element, e.toString());
            return List.of();
        }
        children.sort(null);
        return children;
    }

    private static boolean isLocation(Path child) {
        return Files.isDirectory(child) || PluginLocation.isArchive(child) || PluginLocation.isClassFile(child);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginPath other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elements);
    }

    @Override
    public String toString() {
        return CONFIG + "=" + elements;
    }
}

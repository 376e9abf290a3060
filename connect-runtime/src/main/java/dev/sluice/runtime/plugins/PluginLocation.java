package dev.sluice.runtime.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin location: a directory, archive or class file in {@code plugin.path} that gets its own
 * isolated class loader, with the class path that loader reads.
 *
 * <p>An archive is its own class path. A directory contributes every {@code .jar}/{@code .zip} found
 * beneath it (symbolic links followed, cycles ignored), sorted by path; only when it holds no archive
 * at all is the directory itself the root of a class hierarchy. A lone {@code .class} file directly in a
 * {@code plugin.path} directory holds one class of the unnamed package, read from that directory.
 * Archives that cannot be opened are left out with a warning.
 *
 * @param path      the location as found in {@code plugin.path} (absolute)
 * @param classPath the archives or directory the location's loader reads, in order
 */
public record PluginLocation(Path path, List<Path> classPath) {

    private static final Logger log = LoggerFactory.getLogger(PluginLocation.class);

    /** Checks and copies the components. */
    public PluginLocation {
        Objects.requireNonNull(path, "path");
        classPath = List.copyOf(classPath);
    }

    /**
     * Computes the class path of the location at {@code path}.
     *
     * @throws IOException if the location cannot be read at all
     */
    public static PluginLocation of(Path path) throws IOException {
        Path location = path.toAbsolutePath().normalize();
        if (isArchive(location)) {
            return new PluginLocation(location, readableArchives(location, List.of(location)));
        }
        if (isClassFile(location)) {
            return new PluginLocation(location, List.of(location.getParent()));
        }
        if (!Files.isDirectory(location)) {
            throw new IOException("Plugin location " + location + " is neither a directory, an archive nor a class file");
        }
        ContentsVisitor contents = new ContentsVisitor(location);
        Files.walkFileTree(location, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, contents);
        if (contents.archives.isEmpty()) {
            return new PluginLocation(location, contents.hasClassFiles ? List.of(location) : List.of());
        }
        if (contents.hasClassFiles) {
            log.warn("Plugin location {} holds both archives and loose class files; only the archives are used", location);
        }
        List<Path> archives = contents.archives.stream().sorted().toList();
        return new PluginLocation(location, readableArchives(location, archives));
    }

    /** Whether this location is a single class file of the unnamed package. */
    public boolean isSingleClassFile() {
        return isClassFile(path);
    }

    /** The name of the class held by a single-class-file location. */
    String singleClassName() {
        String fileName = path.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".class".length());
    }

    /** The class path as URLs for a class loader. */
    public URL[] urls() {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("Plugin class path entry " + classPath.get(i) + " has no URL form", e);
            }
        }
        return urls;
    }

    @Override
    public String toString() {
        return path.toString();
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".jar") || name.endsWith(".zip")) && !Files.isDirectory(path);
    }

    static boolean isClassFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".class") && !Files.isDirectory(path);
    }

    private static List<Path> readableArchives(Path location, List<Path> archives) {
        List<Path> readable = new ArrayList<>(archives.size());
        for (Path archive : archives) {
            try (ZipFile ignored = new ZipFile(archive.toFile())) {
                readable.add(archive);
            } catch (IOException e) {
                log.warn("Skipping archive {} of plugin location {}: it cannot be read as a zip file ({})", archive, location, e.toString());
            }
        }
        return readable;
    }

    /** Collects the archives beneath a directory and notes whether loose class files exist. */
    private static final class ContentsVisitor extends SimpleFileVisitor<Path> {
        private final Path location;
        private final List<Path> archives = new ArrayList<>();
        private boolean hasClassFiles;

        ContentsVisitor(Path location) {
            this.location = location;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isArchive(file)) {
                archives.add(file);
            } else if (isClassFile(file)) {
                hasClassFiles = true;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                log.debug("Not following symbolic link {} in plugin location {}: it leads back into a parent directory", file, location);
            } else {
                log.warn("Cannot read {} in plugin location {}; skipping it: {}", file, location, e.toString());
            }
            return FileVisitResult.CONTINUE;
        }
    }
}

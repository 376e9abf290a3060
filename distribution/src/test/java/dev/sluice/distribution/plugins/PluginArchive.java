package dev.sluice.distribution.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Writes a plugin jar: compiled classes plus the non-Java files of the plugin's source set (its service manifests). */
final class PluginArchive {

    private PluginArchive() {
    }

    /**
     * Writes {@code jar} from the files under {@code classes} and the files under {@code sources} that are not
     * {@code .java} files; returns {@code jar}.
     */
    static Path write(Path jar, Path classes, Path sources, String title) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                Set<String> folders = new HashSet<>(Set.of("META-INF/"));
                for (Path root : List.of(classes, sources)) {
                    for (Path file : entries(root)) {
                        String name = root.relativize(file).toString().replace('\\', '/');
                        addFolders(out, name, folders);
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write plugin jar " + jar, e);
        }
    }

    /** Adds the folder entries of {@code name} that are not there yet, as jar tools do. */
    private static void addFolders(JarOutputStream out, String name, Set<String> folders) throws IOException {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            String folder = name.substring(0, slash + 1);
            if (folders.add(folder)) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
        }
    }

    private static List<Path> entries(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                .filter(f -> !f.toString().endsWith(".java"))
                .sorted()
                .toList());
        }
    }
}

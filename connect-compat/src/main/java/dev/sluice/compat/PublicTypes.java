package dev.sluice.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the public API types (public top-level types and their public or protected nested types)
 * that a jar or class folder defines in given packages.
 */
public final class PublicTypes {

    private PublicTypes() {
    }

    /**
     * The public API types of the jar or class folder from which {@code anchor} was loaded, in the
     * given package prefixes ({@code "org.apache.kafka.connect."}), sorted by name.
     */
    public static List<String> besides(Class<?> anchor, List<String> packagePrefixes) {
        try {
            Path location = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            return in(location, anchor.getClassLoader(), packagePrefixes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the code source of " + anchor.getName(), e);
        }
    }

    /** The public API types in a jar or class folder, loaded through {@code loader} to read their modifiers. */
    public static List<String> in(Path jarOrFolder, ClassLoader loader, List<String> packagePrefixes) {
        TreeSet<String> names = new TreeSet<>();
        for (String className : classNames(jarOrFolder)) {
            if (packagePrefixes.stream().noneMatch(className::startsWith)) {
                continue;
            }
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (isApiType(type)) {
                    names.add(className);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Cannot load " + className + " from " + jarOrFolder + ": " + e, e);
            }
        }
        return List.copyOf(names);
    }

    static boolean isApiType(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        int modifiers = type.getModifiers();
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing == null) {
            return Modifier.isPublic(modifiers);
        }
        return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApiType(enclosing);
    }

    private static List<String> classNames(Path jarOrFolder) {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(jarOrFolder)) {
            try (Stream<Path> files = Files.walk(jarOrFolder)) {
                files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> toClassName(jarOrFolder.relativize(p).toString().replace('\\', '/')))
                    .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot walk " + jarOrFolder, e);
            }
        } else {
            try (JarFile jar = new JarFile(jarOrFolder.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                        names.add(toClassName(entry));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read jar " + jarOrFolder, e);
            }
        }
        names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
        return names;
    }

    private static String toClassName(String classFilePath) {
        return classFilePath.substring(0, classFilePath.length() - ".class".length()).replace('/', '.');
    }
}

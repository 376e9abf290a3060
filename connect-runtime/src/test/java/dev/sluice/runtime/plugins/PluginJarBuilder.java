package dev.sluice.runtime.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin archives and class folders for tests: compiles Java sources given as strings against
 * the runtime's API classes and writes them, with service manifests and resources, as a jar or a directory.
 */
final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> extraClassPath = new ArrayList<>();
    private final Set<String> omittedClasses = new LinkedHashSet<>();
    private Path compiled;

    /** Adds a source file for the class {@code className}. */
    PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists implementations in {@code META-INF/services/<serviceName>}. */
    PluginJarBuilder service(String serviceName, String... implementations) {
        services.computeIfAbsent(serviceName, s -> new ArrayList<>()).addAll(List.of(implementations));
        return this;
    }

    /** Lists implementations in the manifest of {@code serviceType}. */
    PluginJarBuilder service(Class<?> serviceType, String... implementations) {
        return service(serviceType.getName(), implementations);
    }

    /** Adds a text resource. */
    PluginJarBuilder resource(String name, String content) {
        resources.put(name, content);
        return this;
    }

    /** Compiles against these class path entries too (they are not copied into the output). */
    PluginJarBuilder compileAgainst(Path... entries) {
        extraClassPath.addAll(List.of(entries));
        return this;
    }

    /** Compiles {@code className} but leaves it out of the output, so that it is missing at run time. */
    PluginJarBuilder omit(String className) {
        omittedClasses.add(className);
        return this;
    }

    /** Writes everything as a jar file; returns it. */
    Path writeJar(Path jar) {
        Path classes = compile();
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (Map.Entry<String, byte[]> entry : outputs(classes).entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes everything as a class hierarchy under {@code directory}; returns it. */
    Path writeClasses(Path directory) {
        Path classes = compile();
        try {
            for (Map.Entry<String, byte[]> entry : outputs(classes).entrySet()) {
                Path target = directory.resolve(entry.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class file of one compiled class (for tests that place loose class files). */
    byte[] classBytes(String className) {
        try {
            return Files.readAllBytes(compile().resolve(className.replace('.', '/') + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, byte[]> outputs(Path classes) throws IOException {
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(file).toString().replace('\\', '/');
                if (!isOmitted(entry)) {
                    outputs.put(entry, Files.readAllBytes(file));
                }
            }
        }
        services.forEach((service, impls) -> outputs.put("META-INF/services/" + service,
            (String.join("\n", impls) + "\n").getBytes(StandardCharsets.UTF_8)));
        resources.forEach((name, content) -> outputs.put(name, content.getBytes(StandardCharsets.UTF_8)));
        return outputs;
    }

    private boolean isOmitted(String entry) {
        for (String omitted : omittedClasses) {
            String path = omitted.replace('.', '/');
            if (entry.equals(path + ".class") || entry.startsWith(path + "$")) {
                return true;
            }
        }
        return false;
    }

    private Path compile() {
        if (compiled != null) {
            return compiled;
        }
        try {
            Path out = Files.createTempDirectory("sluice-plugin-classes");
            out.toFile().deleteOnExit();
            if (!sources.isEmpty()) {
                JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
                List<JavaFileObject> units = sources.entrySet().stream()
                    .map(e -> new StringSource(e.getKey(), e.getValue()))
                    .collect(Collectors.toList());
                String classPath = Stream.concat(apiClassPath().stream(), extraClassPath.stream())
                    .map(Path::toString)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
                StringWriter diagnostics = new StringWriter();
                try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                    boolean ok = compiler.getTask(diagnostics, files, null,
                        List.of("-classpath", classPath, "-d", out.toString(), "--release", "17", "-proc:none"),
                        null, units).call();
                    if (!ok) {
                        throw new IllegalStateException("Test plugin sources do not compile:\n" + diagnostics);
                    }
                }
            }
            compiled = out;
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of the runtime's API, as plugins compile against it. */
    static List<Path> apiClassPath() {
        return Stream.of(org.apache.kafka.connect.connector.Connector.class,
                org.apache.kafka.common.config.ConfigDef.class,
                org.slf4j.Logger.class)
            .map(PluginJarBuilder::codeSource)
            .distinct()
            .toList();
    }

    static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes bytes that look like nothing a zip reader accepts. */
    static Path writeCorruptArchive(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("PK\u0003\u0004 this is not really a zip archive".getBytes(StandardCharsets.ISO_8859_1));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String code;

        StringSource(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}

package dev.sluice.distribution.plugins;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a test plugin's sources with this JDK's compiler for the plugin's {@code --release}, against Apache's
 * connect-api and kafka-clients jars of the plugin's release (and SLF4J's API), exactly as a plugin author's build
 * would. Nothing of this JVM's class path is visible to the compiler.
 */
final class PluginCompiler {

    private final ApacheJars apacheJars;

    PluginCompiler(ApacheJars apacheJars) {
        this.apacheJars = apacheJars;
    }

    /**
     * Compiles every {@code .java} file of {@code sources} into {@code output}; returns {@code output}.
     *
     * @throws IllegalStateException with the compiler's diagnostics if the sources do not compile
     */
    Path compile(TestPlugin plugin, Path sources, Path output) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in this runtime (" + System.getProperty("java.home")
                + "); run the tests on a JDK");
        }
        List<String> options = List.of(
            "--release", Integer.toString(plugin.release()),
            "-classpath", classPath(plugin).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
            "-d", output.toString(),
            "-encoding", "UTF-8",
            "-proc:none",
            "-Xlint:all", "-Xlint:-options"); // -options: "source value 8 is obsolete" is expected here
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(javaFiles(sources));
            boolean compiled = compiler.getTask(diagnostics, files, null, options, null, units).call();
            if (!compiled) {
                throw new IllegalStateException("Test plugin " + plugin + " (" + sources + ") does not compile against Apache "
                    + plugin.apiVersion() + " with --release " + plugin.release() + ":\n" + diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compile test plugin " + plugin + " from " + sources, e);
        }
        return output;
    }

    private List<Path> classPath(TestPlugin plugin) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(apacheJars.connectApi(plugin.apiVersion()));
        classPath.add(apacheJars.kafkaClients(plugin.apiVersion()));
        classPath.add(codeSource(org.slf4j.Logger.class));
        return classPath;
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell which jar holds " + type.getName(), e);
        }
    }
}

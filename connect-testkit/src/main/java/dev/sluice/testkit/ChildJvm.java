package dev.sluice.testkit;

import dev.sluice.testkit.broker.BrokerLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launches child JVMs on the broker's class path through {@link BrokerLauncher}, so that each child dies with
 * this JVM. Output goes to a file, never to a pipe that could fill up; stdin stays an open pipe (the lifeline).
 */
final class ChildJvm {

    private final Path javaExecutable;
    private final String classpath;
    private final List<String> jvmOptions;

    private ChildJvm(Path javaExecutable, String classpath, List<String> jvmOptions) {
        this.javaExecutable = javaExecutable;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
    }

    /** Copies the launcher's class file under {@code workDir} and appends it to the broker's class path. */
    static ChildJvm prepare(List<Path> brokerClasspath, Path workDir, List<String> jvmOptions) {
        Path launcherDir = workDir.resolve("launcher");
        String classFile = BrokerLauncher.class.getName().replace('.', '/') + ".class";
        try (InputStream in = BrokerLauncher.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new KafkaClusterException("Cannot find " + classFile + " on the testkit's class path");
            }
            Path target = launcherDir.resolve(classFile);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new KafkaClusterException("Cannot copy the broker launcher into " + launcherDir, e);
        }
        String classpath = Stream.concat(brokerClasspath.stream(), Stream.of(launcherDir))
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ChildJvm(java, classpath, jvmOptions);
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM whose stdout and stderr are appended to
     * {@code output}, logging through the log4j2 configuration {@code log4jConfig}.
     */
    Process launch(String mainClass, List<String> args, Path output, Path log4jConfig) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-cp");
        command.add(classpath);
        command.add(BrokerLauncher.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(output.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new KafkaClusterException("Cannot start a child JVM (" + javaExecutable + ") for " + mainClass, e);
        }
    }
}

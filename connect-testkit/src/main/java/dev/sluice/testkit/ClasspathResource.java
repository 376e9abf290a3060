package dev.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A class path that a Maven module resolved and wrote into its jar as a resource (a {@code :}-separated list of
 * jars in the local repository), for starting Apache's programs in child JVMs with exactly their own libraries.
 *
 * @param resource the resource name
 * @param program  what runs with it, for messages ("the Kafka broker")
 * @param module   the Maven module that writes it
 * @param failure  turns a message into the exception to throw
 */
record ClasspathResource(String resource, String program, String module, Function<String, RuntimeException> failure) {

    /** Reads the resource and checks that every listed jar exists. */
    List<Path> load() {
        String text;
        try (InputStream in = ClasspathResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw failure.apply("Resource " + resource + " is not on the class path: add the dependency"
                    + " dev.sluice:" + module + " (built with Maven) to run " + program);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw failure.apply("Cannot read resource " + resource + ": " + e);
        }
        return parse(text);
    }

    /** The jars of a class path text; each must exist. */
    List<Path> parse(String text) {
        List<Path> jars = new ArrayList<>();
        for (String entry : text.split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = Paths.get(entry.trim());
            if (!Files.isRegularFile(jar)) {
                throw failure.apply("The class path of " + program + " names " + jar + ", which does not exist;"
                    + " build with Maven first (e.g. 'mvn -pl " + module + ",connect-testkit verify') so that its"
                    + " jars are resolved into the local repository");
            }
            jars.add(jar);
        }
        if (jars.isEmpty()) {
            throw failure.apply("Resource " + resource + " lists no jars; rebuild " + module + " with Maven");
        }
        return jars;
    }
}

package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How plugin.path is parsed and how each location's class path is computed from the files on disk. */
class PluginPathTest {

    @TempDir
    static Path shared;

    private static PluginJarBuilder converterClasses;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileOnce() {
        converterClasses = new PluginJarBuilder()
            .source("com.acme.path.PathConverter", PluginSources.converter("com.acme.path.PathConverter", "1"))
            .source("LonelyConverter", PluginSources.converter("LonelyConverter", "1"))
            .service(Converter.class, "com.acme.path.PathConverter");
    }

    private Path jar(Path file) {
        return converterClasses.writeJar(file);
    }

    private static Set<Path> paths(List<PluginLocation> locations) {
        return locations.stream().map(PluginLocation::path).collect(Collectors.toSet());
    }

    @Test
    void elementsAreSplitOnCommasAndTrimmed() {
        PluginPath path = PluginPath.parse(" /a/b , /c ,, ");
        assertEquals(List.of(Path.of("/a/b"), Path.of("/c")), path.elements());
        assertEquals(List.of(), PluginPath.parse(null).elements());
        assertEquals(List.of(), PluginPath.parse("  ").elements());
    }

    @Test
    void childrenOfADirectoryElementAreLocationsButOtherFilesAreNot() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        jar(dir.resolve("sub").resolve("x.jar"));
        jar(dir.resolve("single.jar"));
        jar(dir.resolve("archive.zip"));
        Files.write(dir.resolve("Lonely.class"), converterClasses.classBytes("LonelyConverter"));
        Files.writeString(dir.resolve("README.txt"), "not a plugin");
        List<PluginLocation> locations = PluginPath.parse(dir.toString()).locations();
        assertEquals(Set.of(dir.resolve("sub"), dir.resolve("single.jar"), dir.resolve("archive.zip"), dir.resolve("Lonely.class")),
            paths(locations));
    }

    @Test
    void archiveElementIsItselfOneLocation() {
        Path single = jar(dir.resolve("top.jar"));
        List<PluginLocation> locations = PluginPath.parse(single.toString()).locations();
        assertEquals(1, locations.size());
        assertEquals(List.of(single), locations.get(0).classPath());
    }

    @Test
    void missingElementIsSkippedAndTheOthersAreRead() {
        jar(dir.resolve("present.jar"));
        List<PluginLocation> locations = PluginPath.parse(dir.resolve("absent") + "," + dir).locations();
        assertEquals(Set.of(dir.resolve("present.jar")), paths(locations));
    }

    @Test
    void archivesAreFoundRecursivelyAndSorted() throws IOException {
        Path location = dir.resolve("plugin");
        jar(location.resolve("z.jar"));
        jar(location.resolve("lib").resolve("deep").resolve("a.jar"));
        jar(location.resolve("m.zip"));
        assertEquals(List.of(location.resolve("lib/deep/a.jar"), location.resolve("m.zip"), location.resolve("z.jar")),
            PluginLocation.of(location).classPath());
    }

    @Test
    void looseClassesAreIgnoredWhenTheLocationHasArchives() throws IOException {
        Path location = dir.resolve("plugin");
        converterClasses.writeClasses(location.resolve("classes"));
        jar(location.resolve("lib.jar"));
        assertEquals(List.of(location.resolve("lib.jar")), PluginLocation.of(location).classPath());
    }

    @Test
    void classHierarchyWithoutArchivesIsItsOwnRoot() throws IOException {
        Path location = converterClasses.writeClasses(dir.resolve("classes"));
        assertEquals(List.of(location), PluginLocation.of(location).classPath());
    }

    @Test
    void symbolicLinkCycleDoesNotHangTheWalk() throws IOException {
        Path location = dir.resolve("plugin");
        jar(location.resolve("lib").resolve("a.jar"));
        Files.createSymbolicLink(location.resolve("lib").resolve("loop"), location);
        assertEquals(List.of(location.resolve("lib/a.jar")), PluginLocation.of(location).classPath());
    }

    @Test
    void classFileInThePluginPathDirectoryIsAPluginOfTheUnnamedPackage() throws IOException {
        Path pluginDir = shared.resolve("lonely");
        Files.createDirectories(pluginDir);
        Files.write(pluginDir.resolve("LonelyConverter.class"), converterClasses.classBytes("LonelyConverter"));
        try (Plugins plugins = Plugins.discover(PluginPath.parse(pluginDir.toString()), PluginDiscoveryMode.ONLY_SCAN)) {
            PluginDescriptor lonely = plugins.descriptors(PluginType.CONVERTER).stream()
                .filter(d -> d.className().equals("LonelyConverter")).findFirst().orElseThrow();
            assertEquals(pluginDir.resolve("LonelyConverter.class").toString(), lonely.location());
            assertTrue(plugins.newConverter("Lonely", null).getClass().getClassLoader() instanceof PluginClassLoader);
        }
    }
}

package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the worker properties file; behaviour checked against Apache 4.3.1's Utils.loadProps and worker config. */
class WorkerPropertiesLoaderTest {

    private static final String FILE_PROVIDER = "config.providers=file\n"
        + "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\n";

    @TempDir
    Path folder;

    @Test
    void propertiesSyntaxAndEscapesAreJavaPropertiesInIso88591() throws Exception {
        byte[] content = ("# comment\n! other comment\nbootstrap.servers = localhost:9092\n"
            + "unicode=caf\\u00e9\nlatin1=caf\u00e9\ncontinued=a\\\n   b\nkey\\ with\\:colon=v\ntab\\tkey=t\n")
            .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(folder.resolve("worker.properties"), content);
        Map<String, String> config = WorkerPropertiesLoader.load(file);
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "unicode", "café", "latin1", "café",
            "continued", "ab", "key with:colon", "v", "tab\tkey", "t"), config, "java.util.Properties rules");
    }

    @Test
    void utf8BytesAreReadAsLatin1AsApacheDoes() throws Exception {
        Path file = Files.write(folder.resolve("worker.properties"), "k=café\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("cafÃ©", WorkerPropertiesLoader.load(file).get("k"), "ISO-8859-1, like Utils.loadProps");
    }

    @Test
    void missingFileIsAnErrorNamingThePath() {
        Path file = folder.resolve("nope.properties");
        ConnectException e = assertThrows(ConnectException.class, () -> WorkerPropertiesLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("does not exist"),
            "names the path: " + e.getMessage());
    }

    @Test
    void directoryIsAnErrorNamingThePath() {
        ConnectException e = assertThrows(ConnectException.class, () -> WorkerPropertiesLoader.load(folder));
        assertTrue(e.getMessage().contains(folder.toString()), "names the path: " + e.getMessage());
    }

    @Test
    void fileProviderReferencesAreResolvedAndProviderKeysKept() throws Exception {
        Path secrets = write("secrets.properties", "password=s3cr3t\nuser=admin\n");
        Path file = write("worker.properties", FILE_PROVIDER + "sasl.user=${file:" + secrets + ":user}\n"
            + "combined=${file:" + secrets + ":user}/${file:" + secrets + ":password}\nplain=x\n");
        Map<String, String> config = WorkerPropertiesLoader.load(file);
        assertEquals("admin", config.get("sasl.user"), "single reference");
        assertEquals("admin/s3cr3t", config.get("combined"), "two references in one value");
        assertEquals("x", config.get("plain"), "value without reference");
        assertEquals("file", config.get("config.providers"), "provider keys kept as written");
    }

    @Test
    void envProviderResolvesAnEnvironmentVariable() throws Exception {
        Path file = write("worker.properties", "config.providers=env\n"
            + "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider\n"
            + "search.path=${env:PATH}\n");
        assertNotNull(System.getenv("PATH"), "test precondition: PATH is set");
        assertEquals(System.getenv("PATH"), WorkerPropertiesLoader.load(file).get("search.path"), "value of $PATH");
    }

    @Test
    void directoryProviderReadsOneFileOfTheDirectory() throws Exception {
        Path dir = Files.createDirectory(folder.resolve("secrets"));
        Files.writeString(dir.resolve("password"), "from-dir");
        Path file = write("worker.properties", "config.providers=directory\n"
            + "config.providers.directory.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider\n"
            + "password=${directory:" + dir + ":password}\n");
        assertEquals("from-dir", WorkerPropertiesLoader.load(file).get("password"), "content of the file");
    }

    @Test
    void referenceToAMissingKeyStaysLiteralAsInApache() throws Exception {
        Path secrets = write("secrets.properties", "password=s3cr3t\n");
        Path file = write("worker.properties", FILE_PROVIDER + "sasl.password=${file:" + secrets + ":nope}\n");
        assertEquals("${file:" + secrets + ":nope}", WorkerPropertiesLoader.load(file).get("sasl.password"));
    }

    @Test
    void referenceToAMissingFileIsAnErrorNamingTheConfigKey() throws Exception {
        Path file = write("worker.properties", FILE_PROVIDER + "sasl.password=${file:" + folder.resolve("none")
            + ":k}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WorkerPropertiesLoader.load(file));
        assertTrue(e.getMessage().contains("'sasl.password'"), "names the key: " + e.getMessage());
    }

    @Test
    void referenceToAProviderNotSetUpStaysLiteralAsInApache() throws Exception {
        Path file = write("worker.properties", FILE_PROVIDER + "sasl.password=${vault:secret/kafka:password}\n");
        assertEquals("${vault:secret/kafka:password}", WorkerPropertiesLoader.load(file).get("sasl.password"));
    }

    @Test
    void providerWithoutClassOrWithAnUnknownClassIsAnErrorNamingTheKey() throws Exception {
        Path noClass = write("a.properties", "config.providers=file\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WorkerPropertiesLoader.load(noClass));
        assertTrue(e.getMessage().contains("config.providers.file.class"), "names the key: " + e.getMessage());
        Path badClass = write("b.properties", "config.providers=file\nconfig.providers.file.class=com.example.Nope\n");
        e = assertThrows(ConfigException.class, () -> WorkerPropertiesLoader.load(badClass));
        String message = e.getMessage();
        assertTrue(message.contains("config.providers.file.class") && message.contains("com.example.Nope"),
            "names key and class: " + message);
        Path notProvider = write("c.properties",
            "config.providers=file\nconfig.providers.file.class=java.lang.String\n");
        e = assertThrows(ConfigException.class, () -> WorkerPropertiesLoader.load(notProvider));
        assertTrue(e.getMessage().contains("not a org.apache.kafka.common.config.provider.ConfigProvider"),
            "says why: " + e.getMessage());
    }

    @Test
    void providerParamsAreHandedToTheProvider() throws Exception {
        Path allowed = Files.createDirectory(folder.resolve("allowed"));
        Path secrets = write("secrets.properties", "password=s3cr3t\n");
        Path file = write("worker.properties", FILE_PROVIDER + "config.providers.file.param.allowed.paths=" + allowed
            + "\nsasl.password=${file:" + secrets + ":password}\n");
        assertEquals("${file:" + secrets + ":password}", WorkerPropertiesLoader.load(file).get("sasl.password"),
            "a file outside allowed.paths is not read, so the reference stays as written");
    }

    @Test
    void readKeepsReferencesUnresolved() throws Exception {
        Path file = write("worker.properties", "plugin.path=/opt/plugins\nsasl.password=${vault:x:y}\n");
        assertEquals(Map.of("plugin.path", "/opt/plugins", "sasl.password", "${vault:x:y}"),
            WorkerPropertiesLoader.read(file), "as written");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.ISO_8859_1);
    }
}

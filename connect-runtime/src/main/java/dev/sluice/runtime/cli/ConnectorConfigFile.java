package dev.sluice.runtime.cli;

import dev.sluice.runtime.worker.TargetState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * One connector config file given to the standalone command line, parsed as Apache 4.3.1 does.
 *
 * <p>The form is chosen by content, not by file name: a file whose first character (after an optional UTF-8 byte
 * order mark and white space) is <code>{</code> is JSON, anything else Java properties (ISO-8859-1, like
 * {@link Utils#loadProps}). JSON is either a flat object of scalar values or a {@code CreateConnectorRequest}
 * ({@code name}, {@code config}, {@code initial_state}); see {@link ConnectorConfigJson}. The config always
 * contains {@code name}. Values are strings as written; JSON numbers and booleans keep their source text
 * ({@code 1.50} stays {@code "1.50"}), and a JSON {@code null} value stays a null entry, as in Apache.
 *
 * @param name the connector name
 * @param config the connector config, including {@code name}; unmodifiable, may hold null values
 * @param initialState the target state to create the connector in, or null for the default (started)
 */
public record ConnectorConfigFile(String name, Map<String, String> config, TargetState initialState) {

    /** Key of the connector name in a connector config. */
    public static final String NAME = "name";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Copies the config into an unmodifiable map that keeps its order and null values.
     */
    public ConnectorConfigFile {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /**
     * Reads and parses one connector config file.
     *
     * @param file the file given on the command line
     * @return the connector's name, config and initial state
     * @throws ConnectException naming the file and the problem: unreadable file, malformed JSON, a JSON value that
     *     is not a string, number, boolean or null where one is expected, an unknown {@code initial_state}, a
     *     missing {@code name}, or a {@code config.name} that differs from the top-level {@code name}
     */
    public static ConnectorConfigFile parse(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConnectException("Connector configuration file '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new ConnectException("Could not read connector configuration file '" + file + "': " + e, e);
        }
        return looksLikeJson(content) ? ConnectorConfigJson.parse(file, content) : parseProperties(file, content);
    }

    /** The error for a config without a name, worded as Apache's. */
    static ConnectException missingName(Path file) {
        return new ConnectException("Connector configuration at '" + file + "' is missing the mandatory '" + NAME
            + "' configuration");
    }

    private static ConnectorConfigFile parseProperties(Path file, byte[] content) {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(content));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape (backslash-u not followed by four hex digits).
            throw new ConnectException("Connector configuration at '" + file + "' is not a valid Java properties"
                + " file: " + e.getMessage(), e);
        }
        Map<String, String> config = new LinkedHashMap<>(Utils.propsToStringMap(properties));
        String name = config.get(NAME);
        if (name == null) {
            throw missingName(file);
        }
        return new ConnectorConfigFile(name, config, null);
    }

    private static boolean looksLikeJson(byte[] content) {
        int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.sluice.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.runtime.worker.TargetState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON forms of a connector config file, with Apache 4.3.1's rules.
 *
 * <p>An object whose values are all scalars (string, number, boolean, null) is the flat config itself. An object
 * with any nested value is a {@code CreateConnectorRequest}: {@code config} must then be an object of scalars,
 * {@code name} (a scalar) is the connector name, {@code config.name} if present must equal it,
 * {@code initial_state} is {@code RUNNING}, {@code PAUSED} or {@code STOPPED} in any case, and other top-level
 * fields are ignored. Scalars become their JSON source text; duplicate keys keep the last value; anything after
 * the first object is ignored.
 */
final class ConnectorConfigJson {

    private static final Logger log = LoggerFactory.getLogger(ConnectorConfigJson.class);

    private static final String NAME = ConnectorConfigFile.NAME;
    private static final String CONFIG = "config";
    private static final String INITIAL_STATE = "initial_state";
    private static final List<String> REQUEST_FIELDS = List.of(NAME, CONFIG, INITIAL_STATE);
    private static final Map<String, TargetState> INITIAL_STATES = Map.of(
        "RUNNING", TargetState.STARTED, "PAUSED", TargetState.PAUSED, "STOPPED", TargetState.STOPPED);

    private final JsonFactory factory = new JsonFactory();
    private final Path file;

    private ConnectorConfigJson(Path file) {
        this.file = file;
    }

    static ConnectorConfigFile parse(Path file, byte[] content) {
        return new ConnectorConfigJson(file).parse(content);
    }

    private ConnectorConfigFile parse(byte[] content) {
        Map<String, Object> top = readTopObject(content);
        if (top.values().stream().allMatch(ConnectorConfigJson::isScalar)) {
            Map<String, String> config = scalars(top, "");
            String name = config.get(NAME);
            if (name == null) {
                throw ConnectorConfigFile.missingName(file);
            }
            return new ConnectorConfigFile(name, config, null);
        }
        return parseRequest(top);
    }

    private ConnectorConfigFile parseRequest(Map<String, Object> top) {
        if (!(top.get(CONFIG) instanceof Map)) {
            String nested = top.entrySet().stream().filter(e -> !isScalar(e.getValue())).findFirst()
                .map(Map.Entry::getKey).orElseThrow();
            throw error("field '" + nested + "' is " + kind(top.get(nested)) + "; expected either a flat JSON object"
                + " of string values or a CreateConnectorRequest with a '" + CONFIG + "' object");
        }
        if (!isScalar(top.get(NAME))) {
            throw error("'" + NAME + "' must be a string, got " + kind(top.get(NAME)));
        }
        String name = (String) top.get(NAME);
        @SuppressWarnings("unchecked")
        Map<String, String> config = scalars((Map<String, Object>) top.get(CONFIG), CONFIG + ".");
        if (config.containsKey(NAME) && !Objects.equals(config.get(NAME), name)) {
            throw error("'" + CONFIG + "." + NAME + "' (" + quoted(config.get(NAME))
                + ") doesn't match the top-level '" + NAME + "' (" + quoted(name)
                + "); set the top-level 'name' and drop it from 'config' or make them equal");
        }
        if (name == null) {
            throw ConnectorConfigFile.missingName(file);
        }
        config.put(NAME, name);
        top.keySet().stream().filter(key -> !REQUEST_FIELDS.contains(key)).forEach(key -> log.warn(
            "Connector configuration at '{}': ignoring top-level field '{}' of the CreateConnectorRequest; only {}"
                + " are read", file, key, REQUEST_FIELDS));
        return new ConnectorConfigFile(name, config, initialState(top.get(INITIAL_STATE)));
    }

    private TargetState initialState(Object value) {
        if (value == null) {
            return null;
        }
        TargetState state = value instanceof String text ? INITIAL_STATES.get(text.toUpperCase(Locale.ROOT)) : null;
        if (state == null) {
            throw error("'" + INITIAL_STATE + "' must be one of RUNNING, PAUSED or STOPPED, got "
                + (value instanceof String ? quoted((String) value) : kind(value)));
        }
        return state;
    }

    private Map<String, String> scalars(Map<String, Object> object, String path) {
        Map<String, String> result = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (!isScalar(value)) {
                throw error("the value of '" + path + key + "' must be a string, number, boolean or null, got "
                    + kind(value));
            }
            result.put(key, (String) value);
        });
        return result;
    }

    private Map<String, Object> readTopObject(byte[] content) {
        try (JsonParser parser = factory.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error("expected a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> top = (Map<String, Object>) readValue(parser);
            return top;
        } catch (JsonProcessingException e) {
            throw new ConnectException("Connector configuration at '" + file + "' is not valid JSON: "
                + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new ConnectException("Could not read connector configuration at '" + file + "': " + e, e);
        }
    }

    /** Reads the value at the current token: a map, a list, null, or a scalar's source text. */
    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                object.put(key, readValue(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> array = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(readValue(parser));
            }
            return array;
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String;
    }

    private static String kind(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : "null";
    }

    private static String quoted(String value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    private ConnectException error(String problem) {
        return new ConnectException("Connector configuration at '" + file + "': " + problem);
    }
}

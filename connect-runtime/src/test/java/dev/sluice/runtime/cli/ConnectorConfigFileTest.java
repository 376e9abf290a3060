package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.TargetState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connector config files of the standalone command line. Every accepted input and its result, and which inputs
 * are refused, was checked against Apache 4.3.1's ConnectStandalone.parseConnectorConfigurationFile in a probe;
 * our error messages are more specific than Apache's (which reports most refusals as a missing name).
 */
class ConnectorConfigFileTest {

    @TempDir
    Path folder;

    @Test
    void propertiesFileGivesItsEntriesAndNoInitialState() throws Exception {
        ConnectorConfigFile parsed = parse("c.properties",
            "name=local-file\nconnector.class=X\nfile=/tmp/caf\\u00e9\n");
        assertEquals(new ConnectorConfigFile("local-file",
            Map.of("name", "local-file", "connector.class", "X", "file", "/tmp/café"), null), parsed, "properties");
    }

    @Test
    void formIsChosenByContentNotByFileName() throws Exception {
        assertEquals(Map.of("name", "a", "connector.class", "X"),
            parse("c.json", "name=a\nconnector.class=X\n").config(), "properties content in a .json file");
        assertEquals(Map.of("name", "a", "connector.class", "X"),
            parse("c.properties", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\"}}").config(),
            "JSON content in a .properties file");
    }

    @Test
    void flatJsonObjectIsTheConfig() throws Exception {
        ConnectorConfigFile parsed = parse("c.json",
            " \n{\"name\":\"a\",\"connector.class\":\"X\",\"tasks.max\":\"1\"}");
        assertEquals(new ConnectorConfigFile("a", Map.of("name", "a", "connector.class", "X", "tasks.max", "1"), null),
            parsed, "flat object");
    }

    @Test
    void jsonNumbersAndBooleansKeepTheirSourceText() throws Exception {
        ConnectorConfigFile parsed = parse("c.json",
            "{\"name\":\"a\",\"i\":1,\"f\":1.50,\"e\":1e3,\"E\":-1E+3,\"b\":false,"
                + "\"big\":123456789012345678901234567890}");
        assertEquals(Map.of("name", "a", "i", "1", "f", "1.50", "e", "1e3", "E", "-1E+3", "b", "false",
            "big", "123456789012345678901234567890"), parsed.config(), "text as written, as Apache");
    }

    @Test
    void jsonNullValueStaysANullEntry() throws Exception {
        Map<String, String> expected = new HashMap<>();
        expected.put("name", "a");
        expected.put("k", null);
        assertEquals(expected, parse("c.json", "{\"name\":\"a\",\"config\":{\"k\":null}}").config(), "as Apache");
    }

    @Test
    void createConnectorRequestPutsTheTopLevelNameIntoTheConfig() throws Exception {
        ConnectorConfigFile parsed = parse("c.json", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\"}}");
        assertEquals(new ConnectorConfigFile("a", Map.of("name", "a", "connector.class", "X"), null), parsed,
            "name added to config");
        assertEquals("a", parse("d.json", "{\"name\":\"a\",\"config\":{\"name\":\"a\"}}").name(), "equal names");
    }

    @Test
    void createConnectorRequestNameMismatchIsAnError() throws Exception {
        assertError("{\"name\":\"a\",\"config\":{\"name\":\"b\"}}", "doesn't match");
    }

    @Test
    void createConnectorRequestWithTheNameOnlyInsideConfigIsAMismatch() throws Exception {
        assertError("{\"config\":{\"name\":\"a\",\"connector.class\":\"X\"}}", "doesn't match");
    }

    @Test
    void createConnectorRequestInitialStates() throws Exception {
        assertEquals(TargetState.STARTED, initialState("\"RUNNING\""), "RUNNING is the started target state");
        assertEquals(TargetState.PAUSED, initialState("\"PAUSED\""), "PAUSED");
        assertEquals(TargetState.STOPPED, initialState("\"STOPPED\""), "STOPPED");
        assertEquals(TargetState.PAUSED, initialState("\"paused\""), "any case");
        assertNull(initialState("null"), "null means default");
        assertNull(parse("c.json", "{\"name\":\"a\",\"config\":{}}").initialState(), "absent means default");
    }

    @Test
    void unknownInitialStateIsAnError() throws Exception {
        for (String state : new String[] {"\"STARTED\"", "\"\"", "\" PAUSED\"", "1"}) {
            assertError("{\"name\":\"a\",\"config\":{},\"initial_state\":" + state + "}", "'initial_state'");
        }
    }

    @Test
    void createConnectorRequestIgnoresOtherTopLevelFields() throws Exception {
        ConnectorConfigFile parsed = parse("c.json",
            "{\"name\":\"a\",\"config\":{\"k\":\"v\"},\"tasks.max\":\"1\",\"other\":{\"x\":\"y\"}}");
        assertEquals(Map.of("name", "a", "k", "v"), parsed.config(), "only name, config, initial_state are read");
    }

    @Test
    void duplicateKeysKeepTheLastValueAndTrailingContentIsIgnored() throws Exception {
        ConnectorConfigFile parsed = parse("c.json", "{\"name\":\"a\",\"name\":\"b\",\"config\":{}} trailing");
        assertEquals("b", parsed.name(), "last duplicate wins, trailing text ignored, as Apache");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] content = "\uFEFF{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("café", ConnectorConfigFile.parse(Files.write(folder.resolve("c.json"), content)).name(),
            "BOM skipped, JSON read as UTF-8");
    }

    @Test
    void missingNameIsAnErrorInEveryForm() throws Exception {
        assertError("connector.class=X\n", "missing the mandatory 'name'");
        assertError("", "missing the mandatory 'name'");
        assertError("{\"connector.class\":\"X\"}", "missing the mandatory 'name'");
        assertError("{\"name\":null,\"connector.class\":\"X\"}", "missing the mandatory 'name'");
        assertError("{\"config\":{\"connector.class\":\"X\"}}", "missing the mandatory 'name'");
    }

    @Test
    void malformedJsonIsAnErrorNamingTheFile() throws Exception {
        assertError("{\"name\":\"a\", bad", "not valid JSON");
        assertError("{\"name\":\"a\"", "not valid JSON");
    }

    @Test
    void nestedValuesWhereStringsBelongAreErrors() throws Exception {
        assertError("{\"name\":\"a\",\"config\":{\"nested\":{\"x\":\"y\"}}}", "'config.nested' must be a string");
        assertError("{\"name\":\"a\",\"config\":{\"list\":[\"x\"]}}", "'config.list' must be a string");
        assertError("{\"name\":\"a\",\"nested\":{\"x\":\"y\"}}", "field 'nested' is an object");
        assertError("{\"name\":\"a\",\"list\":[\"x\"]}", "field 'list' is an array");
        assertError("{\"name\":\"a\",\"config\":[]}", "field 'config' is an array");
        assertError("{\"name\":{\"x\":1},\"config\":{}}", "'name' must be a string");
    }

    @Test
    void missingFileIsAnErrorNamingThePath() {
        Path file = folder.resolve("nope.json");
        ConnectException e = assertThrows(ConnectException.class, () -> ConnectorConfigFile.parse(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the path: " + e.getMessage());
    }

    private TargetState initialState(String json) throws Exception {
        return parse("s.json", "{\"name\":\"a\",\"config\":{},\"initial_state\":" + json + "}").initialState();
    }

    private void assertError(String content, String expected) throws Exception {
        Path file = Files.writeString(folder.resolve("bad.json"), content);
        ConnectException e = assertThrows(ConnectException.class, () -> ConnectorConfigFile.parse(file), content);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(expected),
            "for " + content + " expected a message naming the file and '" + expected + "': " + e.getMessage());
    }

    private ConnectorConfigFile parse(String fileName, String content) throws Exception {
        return ConnectorConfigFile.parse(Files.writeString(folder.resolve(fileName), content));
    }
}

package dev.sluice.runtime.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.cli.StandaloneRuntime;
import dev.sluice.testkit.KafkaClusterExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial flow through real HTTP against a standalone worker with a real broker. */
class RestApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    static Path dir;

    private static StandaloneRuntime runtime;
    private static URI base;
    private static RestTestClient client;

    @BeforeAll
    static void startWorker() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.cluster().bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "200");
        props.put("listeners", "http://localhost:0");
        runtime = StandaloneRuntime.start(props, props);
        base = URI.create("http://localhost:" + runtime.rest().port());
        client = new RestTestClient(base);
    }

    @AfterAll
    static void stopWorker() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private RestTestClient.Answer send(String method, String path, String body) throws Exception {
        return client.send(method, path, body);
    }

    private static String json(Object value) {
        return RestTestClient.json(value);
    }

    @Test
    void tutorialFlowCreatesListsPausesResumesRestartsValidatesAndDeletesConnectors() throws Exception {
        Path input = dir.resolve("tutorial-in.txt");
        Path output = dir.resolve("tutorial-out.txt");
        Files.write(input, List.of("alpha", "beta", "gamma"), StandardCharsets.UTF_8);

        RestTestClient.Answer root = send("GET", "/", null);
        assertEquals(200, root.status());
        assertEquals("4.3.1", root.json().get("version").asText());
        assertEquals(kafka.cluster().admin().describeCluster().clusterId().get(), root.json().get("kafka_cluster_id").asText());

        RestTestClient.Answer created = send("POST", "/connectors", json(Map.of("name", "local-file-source", "config", Map.of(
            "connector.class", "FileStreamSource", "tasks.max", "1", "file", input.toString(), "topic", "rest-it"))));
        assertEquals(201, created.status(), created.body());
        assertEquals("/connectors/local-file-source", URI.create(created.response().headers().firstValue("Location")
            .orElseThrow()).getPath());
        assertEquals("source", created.json().get("type").asText());
        assertEquals("local-file-source", created.json().get("config").get("name").asText());
        assertEquals(0, created.json().get("tasks").get(0).get("task").asInt());

        RestTestClient.Answer sink = send("PUT", "/connectors/local-file-sink/config", json(Map.of("connector.class", "FileStreamSink",
            "tasks.max", "1", "file", output.toString(), "topics", "rest-it")));
        assertEquals(201, sink.status(), sink.body());
        RestTestClient.Answer updated = send("PUT", "/connectors/local-file-sink/config", json(Map.of("connector.class", "FileStreamSink",
            "tasks.max", "1", "file", output.toString(), "topics", "rest-it")));
        assertEquals(200, updated.status(), "an update of an existing connector answers 200: " + updated.body());

        await().atMost(TIMEOUT).until(() -> Files.exists(output) && Files.readAllLines(output).size() == 3);
        assertEquals(List.of("alpha", "beta", "gamma"), Files.readAllLines(output));

        assertEquals("[\"local-file-sink\",\"local-file-source\"]", send("GET", "/connectors", null).body());
        JsonNode expanded = send("GET", "/connectors?expand=status&expand=info", null).json();
        assertEquals("RUNNING", expanded.get("local-file-source").get("status").get("connector").get("state").asText());
        assertEquals("sink", expanded.get("local-file-sink").get("info").get("type").asText());

        JsonNode status = send("GET", "/connectors/local-file-source/status", null).json();
        assertEquals("RUNNING", status.get("connector").get("state").asText());
        assertEquals("RUNNING", status.get("tasks").get(0).get("state").asText());
        assertEquals(0, status.get("tasks").get(0).get("id").asInt());
        assertFalse(status.get("connector").has("trace"), "no trace for a running connector");
        assertTrue(status.get("connector").get("worker_id").asText().endsWith(":" + runtime.rest().port()));

        assertEquals(202, send("PUT", "/connectors/local-file-source/pause", null).status());
        await().atMost(TIMEOUT).until(() -> "PAUSED".equals(send("GET", "/connectors/local-file-source/status", null)
            .json().get("tasks").get(0).get("state").asText()));
        assertEquals(202, send("PUT", "/connectors/local-file-source/resume", null).status());
        await().atMost(TIMEOUT).until(() -> "RUNNING".equals(send("GET", "/connectors/local-file-source/status", null)
            .json().get("tasks").get(0).get("state").asText()));

        Files.write(input, List.of("delta"), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        await().atMost(TIMEOUT).until(() -> Files.readAllLines(output).size() == 4);

        assertEquals(204, send("POST", "/connectors/local-file-source/tasks/0/restart", null).status());
        assertEquals("RUNNING", send("GET", "/connectors/local-file-source/tasks/0/status", null).json().get("state")
            .asText());
        assertEquals(204, send("POST", "/connectors/local-file-source/restart", null).status());
        RestTestClient.Answer restartAll = send("POST", "/connectors/local-file-source/restart?includeTasks=true", null);
        assertEquals(202, restartAll.status(), restartAll.body());
        assertEquals("RESTARTING", restartAll.json().get("tasks").get(0).get("state").asText());
        await().atMost(TIMEOUT).until(() -> "RUNNING".equals(send("GET", "/connectors/local-file-source/status", null)
            .json().get("tasks").get(0).get("state").asText()));

        JsonNode tasks = send("GET", "/connectors/local-file-source/tasks", null).json();
        assertEquals("local-file-source", tasks.get(0).get("id").get("connector").asText());
        assertEquals("org.apache.kafka.connect.file.FileStreamSourceTask", tasks.get(0).get("config").get("task.class")
            .asText());
        assertEquals(input.toString(), send("GET", "/connectors/local-file-source/config", null).json().get("file")
            .asText());

        RestTestClient.Answer validation = send("PUT", "/connector-plugins/FileStreamSinkConnector/config/validate",
            json(Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector", "tasks.max", "1",
                "name", "v")));
        assertEquals(200, validation.status(), validation.body());
        assertEquals(2, validation.json().get("error_count").asInt(),
            "a sink without topics has an error on 'topics' and on 'topics.regex', as in Apache");
        JsonNode plugins = send("GET", "/connector-plugins", null).json();
        List<String> classes = new ArrayList<>();
        plugins.forEach(p -> classes.add(p.get("class").asText()));
        assertTrue(classes.contains("org.apache.kafka.connect.file.FileStreamSourceConnector"), classes.toString());
        assertEquals("sink", plugins.get(0).get("type").asText(), "sinks are listed first");

        JsonNode sourceTopics = send("GET", "/connectors/local-file-source/topics", null).json();
        assertEquals("[\"rest-it\"]", sourceTopics.get("local-file-source").get("topics").toString(),
            "the source's active topics");
        assertEquals("[\"rest-it\"]", send("GET", "/connectors/local-file-sink/topics", null).json()
            .get("local-file-sink").get("topics").toString(), "the sink's active topics");
        assertEquals(202, send("PUT", "/connectors/local-file-sink/topics/reset", null).status());
        assertEquals("[]", send("GET", "/connectors/local-file-sink/topics", null).json().get("local-file-sink")
            .get("topics").toString(), "reset forgets the active topics");

        assertEquals(204, send("PUT", "/connectors/local-file-sink/stop", null).status());
        await().atMost(TIMEOUT).until(() -> "STOPPED".equals(send("GET", "/connectors/local-file-sink/status", null)
            .json().get("connector").get("state").asText()));
        assertEquals(0, send("GET", "/connectors/local-file-sink/tasks", null).json().size(), "a stopped connector has no tasks");

        assertEquals(204, send("DELETE", "/connectors/local-file-source", null).status());
        assertEquals(204, send("DELETE", "/connectors/local-file-sink", null).status());
        RestTestClient.Answer gone = send("GET", "/connectors/local-file-source", null);
        assertEquals(404, gone.status());
        assertEquals(404, gone.json().get("error_code").asInt());
        assertEquals("[]", send("GET", "/connectors", null).body());
        assertEquals(200, send("GET", "/health", null).status());
    }

    @Test
    void badRequestsGetAFourHundredNamingTheProblemAndTheWorkerKeepsAnswering() throws Exception {
        assertBad(send("POST", "/connectors", "{\"name\": \"x\", \"config\": {"), 400, "Malformed JSON");
        assertBad(send("POST", "/connectors", json(Map.of("config", Map.of("connector.class", "FileStreamSink",
            "topics", "t")))), 400, "name");
        assertBad(send("POST", "/connectors", json(Map.of("name", "ghost", "config", Map.of("connector.class",
            "com.example.NoSuchConnector")))), 400, "NoSuchConnector");
        assertBad(send("POST", "/connectors", json(Map.of("name", "bad-max", "config", Map.of("connector.class",
            "FileStreamSink", "topics", "t", "tasks.max", "-1")))), 400, "tasks.max");
        assertBad(send("POST", "/connectors", json(Map.of("name", "bad\u0001name", "config", Map.of("connector.class",
            "FileStreamSink", "topics", "t")))), 400, "name");
        assertBad(send("POST", "/connectors", json(Map.of("name", "bad-smt", "config", Map.of("connector.class",
            "FileStreamSink", "topics", "t", "transforms", "x", "transforms.x.type", "com.example.NoSuchSmt")))), 400,
            "transforms.x.type");
        assertBad(send("POST", "/connectors", json(Map.of("name", "a", "config", Map.of("name", "b",
            "connector.class", "FileStreamSink", "topics", "t")))), 400, "doesn't match");
        assertBad(send("POST", "/connectors", json(Map.of("name", "u", "cofig", Map.of()))), 400, "cofig");
        assertBad(send("PUT", "/connectors/nulls/config", "{\"connector.class\": \"FileStreamSink\", \"topics\": null}"),
            400, "'topics' has a null value");

        RestTestClient.Answer unsupported = client.send("POST", "/connectors", "name=x", "text/plain");
        assertEquals(415, unsupported.status(), unsupported.body());
        assertTrue(unsupported.body().contains("application/json"), unsupported.body());

        assertEquals(404, send("GET", "/connectors/none/status", null).status());
        assertEquals(404, send("PUT", "/connectors/none/pause", null).status());
        JsonNode names = send("GET", "/connectors", null).json();
        for (String rejected : List.of("", "ghost", "bad-max", "bad\u0001name", "bad-smt", "a", "u", "nulls")) {
            names.forEach(name -> assertFalse(name.asText().equals(rejected), "rejected connector '" + rejected
                + "' was not created"));
        }
        assertEquals(200, send("GET", "/health", null).status());
    }

    private static void assertBad(RestTestClient.Answer answer, int status, String mentions) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(status, answer.json().get("error_code").asInt(), answer.body());
        assertTrue(answer.json().get("message").asText().contains(mentions),
            "the message names '" + mentions + "': " + answer.body());
    }
}

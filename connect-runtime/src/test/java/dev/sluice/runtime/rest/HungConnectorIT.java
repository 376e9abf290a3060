package dev.sluice.runtime.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.cli.StandaloneRuntime;
import dev.sluice.runtime.herder.standalone.StandaloneHerder;
import dev.sluice.testkit.KafkaClusterExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A connector whose start() never returns must not freeze the REST API or the other connectors. */
class HungConnectorIT {

    private static final long START_TIMEOUT_MS = 4000;

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    static Path dir;

    private static StandaloneRuntime runtime;
    private static RestTestClient client;

    @BeforeAll
    static void startWorker() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.cluster().bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("listeners", "http://localhost:0");
        props.put(StandaloneHerder.START_TIMEOUT_CONFIG, String.valueOf(START_TIMEOUT_MS));
        runtime = StandaloneRuntime.start(props, props);
        client = new RestTestClient(URI.create("http://localhost:" + runtime.rest().port()));
    }

    @AfterAll
    static void stopWorker() {
        BlockingSourceConnector.RELEASE.countDown();
        if (runtime != null) {
            runtime.close();
        }
    }

    private static long millisOf(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static RestTestClient.Answer call(String method, String path, String body) {
        try {
            return client.send(method, path, body);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    @Test
    void aConnectorBlockedInStartLeavesTheApiAndOtherConnectorsResponsiveAndFailsAfterTheBound() throws Exception {
        CompletableFuture<RestTestClient.Answer> hungCreate = CompletableFuture.supplyAsync(() ->
            call("POST", "/connectors", RestTestClient.json(Map.of("name", "hung", "config", Map.of(
                "connector.class", BlockingSourceConnector.class.getName(), "topic", "hung-topic")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> call("GET", "/connectors", null).body().contains("hung"));

        long listing = millisOf(() -> assertEquals(200, call("GET", "/connectors", null).status()));
        assertTrue(listing < 1000, "GET /connectors answered in " + listing + " ms while a connector hangs in start()");
        JsonNode starting = call("GET", "/connectors/hung/status", null).json();
        assertEquals("UNASSIGNED", starting.get("connector").get("state").asText(),
            "a connector still in start() is not reported RUNNING: " + starting);

        long create = millisOf(() -> assertEquals(201, call("PUT", "/connectors/other/config", RestTestClient.json(Map.of(
            "connector.class", "FileStreamSink", "topics", "other-topic", "file", dir.resolve("other.txt").toString())))
            .status()));
        assertTrue(create < 10_000, "creating another connector took " + create + " ms");
        long status = millisOf(() -> assertEquals(200, call("GET", "/connectors/other/status", null).status()));
        assertTrue(status < 1000, "another connector's status took " + status + " ms");
        assertEquals(204, call("DELETE", "/connectors/other", null).status());

        RestTestClient.Answer created = hungCreate.get();
        assertEquals(500, created.status(), created.body());
        assertTrue(created.json().get("message").asText().contains("did not finish starting within " + START_TIMEOUT_MS),
            created.body());
        JsonNode failed = call("GET", "/connectors/hung/status", null).json();
        assertEquals("FAILED", failed.get("connector").get("state").asText(), failed.toString());
        assertTrue(failed.get("connector").get("trace").asText().contains(StandaloneHerder.START_TIMEOUT_CONFIG),
            "the trace names the bound and its key: " + failed);

        CompletableFuture<RestTestClient.Answer> deletion = CompletableFuture.supplyAsync(() ->
            call("DELETE", "/connectors/hung", null));
        long listingDuringDelete = millisOf(() -> assertEquals(200, call("GET", "/connectors", null).status()));
        assertTrue(listingDuringDelete < 1000, "GET /connectors answered in " + listingDuringDelete
            + " ms while the hung connector was being deleted");
        assertEquals(204, deletion.get().status(), "the hung connector can be deleted");
        assertEquals("[]", call("GET", "/connectors", null).body());
        assertEquals(200, call("GET", "/health", null).status());
    }
}

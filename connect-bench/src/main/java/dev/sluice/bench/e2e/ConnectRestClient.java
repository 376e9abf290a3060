package dev.sluice.bench.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Creates and deletes connectors through a worker's REST API ({@code POST /connectors}, {@code DELETE /connectors/<name>}). */
final class ConnectRestClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Creates connector {@code name}; returns once the worker answered 201 Created. */
    void create(BenchWorker worker, String name, Map<String, String> config) throws IOException, InterruptedException {
        String body;
        try {
            body = json.writeValueAsString(Map.of("name", name, "config", config));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the config of connector " + name + " as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(worker.restUrl().resolve("/connectors"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        expect(201, http.send(request, HttpResponse.BodyHandlers.ofString()), worker, "create connector " + name);
    }

    /** Deletes connector {@code name}, stopping its task; returns once the worker answered. */
    void delete(BenchWorker worker, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(worker.restUrl().resolve("/connectors/" + name))
            .timeout(REQUEST_TIMEOUT)
            .DELETE()
            .build();
        expect(204, http.send(request, HttpResponse.BodyHandlers.ofString()), worker, "delete connector " + name);
    }

    private static void expect(int status, HttpResponse<String> response, BenchWorker worker, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("The " + worker.name() + " worker could not " + what + ": HTTP "
                + response.statusCode() + " " + response.body() + "\n" + worker.logTail());
        }
    }
}

package dev.sluice.distribution.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends plain HTTP/1.1 requests to one worker's REST listener ({@code http://localhost:<port>}) and returns the
 * answers as they came, whatever their status.
 */
final class WorkerRestClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String workerName;
    private final URI base;
    private final HttpClient http;

    /**
     * @param workerName how messages name the worker ({@code Apache's worker})
     * @param port       the port of its {@code listeners=http://localhost:<port>}
     */
    WorkerRestClient(String workerName, int port) {
        this.workerName = workerName;
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** @return how messages name the worker */
    String workerName() {
        return workerName;
    }

    RestAnswer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    RestAnswer delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    /** A {@code POST} without a body, as for {@code /restart}. */
    RestAnswer post(String pathAndQuery) {
        return send("POST", pathAndQuery, null);
    }

    RestAnswer post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json);
    }

    /** A {@code PUT} without a body, as for {@code /pause}. */
    RestAnswer put(String pathAndQuery) {
        return send("PUT", pathAndQuery, null);
    }

    RestAnswer put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, json);
    }

    private RestAnswer send(String method, String pathAndQuery, String json) {
        String request = method + " " + pathAndQuery;
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new RestAnswer(request, response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), response.body());
        } catch (IOException e) {
            throw new AssertionError(workerName + " did not answer " + request + " at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + request + " to " + workerName, e);
        }
    }

    @Override
    public String toString() {
        return workerName + " at " + base;
    }
}

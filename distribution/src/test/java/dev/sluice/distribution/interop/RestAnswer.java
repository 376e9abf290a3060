package dev.sluice.distribution.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP answer of a Connect worker's REST API, as received: status, the headers a client looks at, and the body.
 *
 * @param request     the request, for messages ({@code GET /connectors})
 * @param status      the HTTP status code
 * @param contentType the {@code Content-Type} header, if any
 * @param location    the {@code Location} header, if any
 * @param body        the body as text, empty if there was none
 */
record RestAnswer(String request, int status, Optional<String> contentType, Optional<String> location, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return whether the answer has no body (or only white space) */
    boolean hasNoBody() {
        return body.isBlank();
    }

    /** @return the media type of the body without parameters, lower case ({@code application/json}), if any */
    Optional<String> mediaType() {
        return contentType.map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
    }

    /**
     * @return the body parsed as JSON
     * @throws AssertionError naming the request, if the body is empty or not JSON
     */
    JsonNode json() {
        if (hasNoBody()) {
            throw new AssertionError(request + " answered " + status + " without a body, expected JSON");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(request + " answered " + status + " with a body that is not JSON (" + e.getOriginalMessage()
                    + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return request + " -> " + status + (hasNoBody() ? " (no body)" : " " + body);
    }
}

package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code POST /connectors}: {@code {"name": "...", "config": {...}, "initial_state": "RUNNING"}}, where
 * {@code initial_state} is optional ({@code RUNNING}, {@code PAUSED} or {@code STOPPED}, any case).
 */
public record CreateConnectorRequest(@JsonProperty("name") String name,
                                     @JsonProperty("config") Map<String, String> config,
                                     @JsonProperty("initial_state") String initialState) {
}

package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code GET /connector-plugins}: {@code {"class", "type", "version"}}; the version is left out
 * when the plugin's version is {@code undefined}.
 */
@JsonPropertyOrder({"class", "type", "version"})
public record PluginInfoJson(@JsonProperty("class") String className, @JsonProperty("type") String type,
                             @JsonProperty("version") @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                 valueFilter = ConnectorStateJson.UndefinedVersionFilter.class) String version) {
}

package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sluice.runtime.herder.ConfigValidation;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * {@code PUT /connector-plugins/{plugin}/config/validate}: every key definition with its validated value, in
 * Apache's shape ({@code name}, {@code error_count}, {@code groups}, {@code configs}).
 */
@JsonPropertyOrder({"name", "error_count", "groups", "configs"})
public record ConfigInfosJson(@JsonProperty("name") String name, @JsonProperty("error_count") int errorCount,
                              @JsonProperty("groups") List<String> groups,
                              @JsonProperty("configs") List<ConfigInfo> configs) {

    /** One reported key: its definition (or null) and its value (or null). */
    @JsonPropertyOrder({"definition", "value"})
    public record ConfigInfo(@JsonProperty("definition") ConfigKeyInfo definition,
                             @JsonProperty("value") ConfigValueInfo value) {
    }

    /** A key's definition. */
    @JsonPropertyOrder({"name", "type", "required", "default_value", "importance", "documentation", "group",
        "order_in_group", "width", "display_name", "dependents"})
    public record ConfigKeyInfo(@JsonProperty("name") String name, @JsonProperty("type") String type,
                                @JsonProperty("required") boolean required,
                                @JsonProperty("default_value") String defaultValue,
                                @JsonProperty("importance") String importance,
                                @JsonProperty("documentation") String documentation,
                                @JsonProperty("group") String group,
                                @JsonProperty("order_in_group") int orderInGroup,
                                @JsonProperty("width") String width,
                                @JsonProperty("display_name") String displayName,
                                @JsonProperty("dependents") List<String> dependents) {

        /** The JSON form of {@code key}. */
        public static ConfigKeyInfo of(ConfigDef.ConfigKey key) {
            boolean hasDefault = key.hasDefault();
            return new ConfigKeyInfo(key.name, key.type.name(), !hasDefault,
                hasDefault ? ConfigDef.convertToString(key.defaultValue, key.type) : null,
                key.importance == null ? null : key.importance.name(), key.documentation, key.group, key.orderInGroup,
                key.width == null ? null : key.width.name(), key.displayName, List.copyOf(key.dependents));
        }
    }

    /** A key's validated value. */
    @JsonPropertyOrder({"name", "value", "recommended_values", "errors", "visible"})
    public record ConfigValueInfo(@JsonProperty("name") String name, @JsonProperty("value") String value,
                                  @JsonProperty("recommended_values") List<String> recommendedValues,
                                  @JsonProperty("errors") List<String> errors,
                                  @JsonProperty("visible") boolean visible) {

        /** The JSON form of {@code value}, rendered by the type of its definition (or as text without one). */
        public static ConfigValueInfo of(ConfigValue value, ConfigDef.Type type) {
            List<String> recommended = new ArrayList<>();
            for (Object candidate : value.recommendedValues()) {
                recommended.add(render(candidate, type));
            }
            return new ConfigValueInfo(value.name(), render(value.value(), type), recommended,
                List.copyOf(value.errorMessages()), value.visible());
        }

        private static String render(Object value, ConfigDef.Type type) {
            if (value == null) {
                return null;
            }
            if (value instanceof Password) {
                return Password.HIDDEN;
            }
            return type == null ? value.toString() : ConfigDef.convertToString(value, type);
        }
    }

    /** The JSON form of {@code validation}. */
    public static ConfigInfosJson of(ConfigValidation validation) {
        List<ConfigInfo> configs = new ArrayList<>();
        for (ConfigValidation.Entry entry : validation.entries()) {
            ConfigDef.ConfigKey key = entry.definition();
            configs.add(new ConfigInfo(key == null ? null : ConfigKeyInfo.of(key),
                entry.value() == null ? null : ConfigValueInfo.of(entry.value(), key == null ? null : key.type)));
        }
        return new ConfigInfosJson(validation.connectorClass(), validation.errorCount(), validation.groups(), configs);
    }
}

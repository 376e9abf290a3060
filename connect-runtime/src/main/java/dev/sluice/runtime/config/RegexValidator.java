package dev.sluice.runtime.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a Java regular expression, or (for list keys) a list of them; null is rejected.
 */
public final class RegexValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value instanceof List<?> patterns) {
            for (Object pattern : patterns) {
                check(name, pattern);
            }
        } else {
            check(name, value);
        }
    }

    private static void check(String name, Object pattern) {
        if (!(pattern instanceof String text)) {
            throw new ConfigException(name, pattern, "Expected a regular expression");
        }
        try {
            Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, pattern, "Not a valid regular expression: " + e.getDescription());
        }
    }

    @Override
    public String toString() {
        return "a valid Java regular expression";
    }
}

package org.apache.kafka.connect.transforms.util;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a string that compiles as a {@link Pattern}. */
public class RegexValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "Invalid regex: a regular expression is required");
        }
        try {
            Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "Invalid regex: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "valid regex";
    }
}

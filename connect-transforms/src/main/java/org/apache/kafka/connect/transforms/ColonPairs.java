package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Lists of {@code left:right} entries as ReplaceField's {@code renames} and Cast's {@code spec} take
 * them. Both report a malformed entry under the {@code renames} key, as upstream does.
 */
final class ColonPairs {

    static final String RENAMES_KEY = "renames";

    private static final String DESCRIPTION = "list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>";

    private ColonPairs() {
    }

    /** A validator that runs {@code parser} over the configured list and describes itself as a pair list. */
    @SuppressWarnings("unchecked")
    static ConfigDef.Validator validator(Consumer<List<String>> parser) {
        return ConfigDef.LambdaValidator.with((name, value) -> parser.accept((List<String>) value), () -> DESCRIPTION);
    }

    /** Parses {@code old:new} entries; every entry must have exactly two parts. Later entries win. */
    static Map<String, String> parseRenames(List<String> entries) {
        Map<String, String> renames = new HashMap<>(entries.size() * 2);
        for (String entry : entries) {
            String[] parts = split(entries, entry);
            if (parts.length != 2) {
                throw malformed(entries, entry);
            }
            renames.put(parts[0], parts[1]);
        }
        return renames;
    }

    /** The parts of one entry, as {@link String#split} yields them (trailing empty parts dropped). */
    static String[] split(List<String> entries, String entry) {
        String[] parts = entry.split(":");
        if (parts.length > 2) {
            throw malformed(entries, entry);
        }
        return parts;
    }

    private static ConfigException malformed(List<String> entries, String entry) {
        return new ConfigException(RENAMES_KEY, entries, "Invalid rename mapping: " + entry);
    }
}

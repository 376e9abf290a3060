package dev.sluice.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts the value of {@code response.http.headers.config}: comma-separated rules of the form
 * {@code <action> <header name>:<header value>}, where the action is one of {@code set}, {@code add},
 * {@code setDate}, {@code addDate}, and a rule that itself contains commas is wrapped in double quotes.
 * Null or blank means no rules.
 */
public final class ResponseHeaderRulesValidator implements ConfigDef.Validator {

    private static final Set<String> ACTIONS = Set.of("set", "add", "setdate", "adddate");

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        for (String rule : splitRules(value.toString())) {
            String problem = problemWith(rule);
            if (problem != null) {
                throw new ConfigException(name, value, "Header rule '" + rule + "' " + problem
                    + "; expected '<set|add|setDate|addDate> <header name>:<header value>'");
            }
        }
    }

    private static String problemWith(String rule) {
        String[] actionAndHeader = rule.trim().split("\\s+", 2);
        if (actionAndHeader.length != 2) {
            return "has no header after its action";
        }
        if (!ACTIONS.contains(actionAndHeader[0].toLowerCase(java.util.Locale.ROOT))) {
            return "has unknown action '" + actionAndHeader[0] + "'";
        }
        String[] nameAndValue = actionAndHeader[1].trim().split(":");
        if (nameAndValue.length > 2) {
            return "has more than one ':'";
        }
        String header = nameAndValue[0].trim();
        if (header.isEmpty() || header.contains(" ")) {
            return "has an empty or blank-containing header name";
        }
        return null;
    }

    /** Splits on commas outside double quotes, trims each rule and drops the quotes. */
    static List<String> splitRules(String text) {
        List<String> rules = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                rules.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        rules.add(current.toString().trim());
        return rules;
    }

    @Override
    public String toString() {
        return "comma-separated rules '<action> <header name>:<header value>', quoted when a rule contains a comma";
    }
}

package dev.sluice.runtime.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validates the {@code *.plugin.version} keys: null or {@code latest} (the newest installed version), a
 * single version ({@code 1.2.0}, meaning exactly that version), or one or more ranges in Maven's
 * notation ({@code [1.0,2.0)}, {@code (,1.5]}, {@code [1.0,2.0),[3.0,)}). A bare {@code a,b} is read as the
 * inclusive range {@code [a,b]}. Ranges must be closed by a bracket, ordered, and must not overlap.
 */
public final class VersionRangeValidator implements ConfigDef.Validator {

    /** A validator for plugin version keys. */
    public static VersionRangeValidator pluginVersion() {
        return new VersionRangeValidator();
    }

    private VersionRangeValidator() {
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        String problem = problemWith(value.toString());
        if (problem != null) {
            throw new ConfigException(name, value, "Not a usable plugin version or version range: " + problem);
        }
    }

    /** The reason {@code spec} is not a valid version specification, or null when it is. */
    static String problemWith(String spec) {
        String rest = spec.trim();
        if (rest.isEmpty() || rest.equals("latest")) {
            return null;
        }
        if (!rest.startsWith("[") && !rest.startsWith("(")) {
            rest = "[" + rest + "]";
        }
        List<String[]> ranges = new ArrayList<>();
        while (rest.startsWith("[") || rest.startsWith("(")) {
            int close = firstClosingBracket(rest);
            if (close < 0) {
                return "range '" + rest + "' has no closing bracket";
            }
            String[] bounds = new String[4];
            String problem = parseRange(rest.substring(0, close + 1), bounds);
            if (problem != null) {
                return problem;
            }
            if (!ranges.isEmpty()) {
                String[] previous = ranges.get(ranges.size() - 1);
                if (bounds[1] == null || (previous[2] != null && VersionOrder.INSTANCE.compare(previous[2], bounds[1]) > 0)) {
                    return "ranges overlap in '" + spec.trim() + "'";
                }
            }
            ranges.add(bounds);
            rest = rest.substring(close + 1).trim();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).trim();
            }
        }
        if (!rest.isEmpty()) {
            return "after a range only further bracketed ranges may follow, found '" + rest + "'";
        }
        return null;
    }

    private static int firstClosingBracket(String text) {
        int square = text.indexOf(']');
        int round = text.indexOf(')');
        if (square < 0) {
            return round;
        }
        return round < 0 ? square : Math.min(square, round);
    }

    /** Fills {@code bounds} with [lower-inclusive flag, lower, upper, upper-inclusive flag]; returns a problem or null. */
    private static String parseRange(String range, String[] bounds) {
        boolean lowerInclusive = range.startsWith("[");
        boolean upperInclusive = range.endsWith("]");
        String inside = range.substring(1, range.length() - 1).trim();
        int comma = inside.indexOf(',');
        if (comma < 0) {
            if (!lowerInclusive || !upperInclusive) {
                return "a single version must be written in square brackets, as [" + inside + "]";
            }
            bounds[1] = inside;
            bounds[2] = inside;
            return null;
        }
        String lower = inside.substring(0, comma).trim();
        String upper = inside.substring(comma + 1).trim();
        bounds[1] = lower.isEmpty() ? null : lower;
        bounds[2] = upper.isEmpty() ? null : upper;
        if (bounds[1] != null && bounds[2] != null) {
            int order = VersionOrder.INSTANCE.compare(upper, lower);
            if (order < 0 || (order == 0 && !(lowerInclusive && upperInclusive))) {
                return "range " + range + " is empty: its upper bound is below its lower bound";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "a version, a version range such as [1.0,2.0), or latest";
    }
}

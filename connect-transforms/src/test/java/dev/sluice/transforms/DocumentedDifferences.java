package dev.sluice.transforms;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The deliberate differences from Apache that {@code docs/compatibility.md} ("Deliberate differences",
 * Transforms) declares, each matched narrowly by transform, by both answers and by the input that
 * provokes it. The differential test reports a matching difference as documented instead of failing.
 */
final class DocumentedDifferences {

    private static final String DOC = "docs/compatibility.md, Transforms: ";

    private DocumentedDifferences() {
    }

    /**
     * Why this difference is deliberate, or null when it is not a documented one.
     *
     * @param record the input record description, or null for a difference at configure time
     */
    static String reason(String subject, Map<String, String> config, Map<String, Object> record, List<?> theirs,
                         List<?> mine) {
        if (!subject.startsWith("Cast$")) {
            return null;
        }
        if (record == null && is(theirs, "configure-throws", "java.lang.ArrayIndexOutOfBoundsException")
            && is(mine, "configure-throws", "org.apache.kafka.common.config.ConfigException")
            && hasColonOnlyEntry(config.get("spec"))) {
            return DOC + "Cast with a spec entry of ':' or '::' fails at configuration with a ConfigException";
        }
        if (record != null && is(theirs, "apply-throws", "java.nio.InvalidMarkException")
            && mine.get(0).equals("record") && holdsDirectBuffer(record)) {
            return DOC + "Cast of a direct ByteBuffer to a string encodes its bytes like a heap buffer's";
        }
        return null;
    }

    private static boolean is(List<?> answer, String kind, String exceptionClass) {
        return answer.size() > 1 && answer.get(0).equals(kind) && answer.get(1).equals(exceptionClass);
    }

    private static boolean hasColonOnlyEntry(String spec) {
        if (spec == null) {
            return false;
        }
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.equals(":") || trimmed.equals("::")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a direct buffer appears anywhere in a description (values, defaults, headers). */
    private static boolean holdsDirectBuffer(Object description) {
        if (description instanceof ByteBuffer buffer) {
            return buffer.isDirect();
        }
        if (description instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (holdsDirectBuffer(entry.getKey()) || holdsDirectBuffer(entry.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (description instanceof List<?> list) {
            return list.stream().anyMatch(DocumentedDifferences::holdsDirectBuffer);
        }
        if (description instanceof Object[] array) {
            for (Object element : array) {
                if (holdsDirectBuffer(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}

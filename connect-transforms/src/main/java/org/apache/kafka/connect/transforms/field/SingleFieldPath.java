package org.apache.kafka.connect.transforms.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;

/**
 * The location of one field inside a key or value, parsed once from configuration and then used to
 * look the field up in schemas, structs and maps.
 *
 * <p>With {@link FieldSyntaxVersion#V1} the whole text names one field at the root. With
 * {@link FieldSyntaxVersion#V2} the text is split on dots into steps that descend through nested
 * structs or maps. A step that starts with a backtick runs to the next backtick that is followed by a
 * dot or ends the text, so {@code `a.b`.c} names field {@code c} inside field {@code a.b}; inside such a
 * step a backslash before a backtick that precedes a dot keeps that backtick in the name. A backtick
 * anywhere else is an ordinary character. An opening backtick without its closing partner is a
 * {@link ConfigException}.
 *
 * <p>Lookups return {@code null} when a step is missing or an intermediate value is null (for structs: null
 * with no default), and fail with a {@link org.apache.kafka.connect.errors.DataException} when an
 * intermediate value is not a struct (or map, for schemaless data).
 */
public class SingleFieldPath {

    private static final char BACKTICK = '`';
    private static final char DOT = '.';
    private static final char BACKSLASH = '\\';
    private static final String NESTED_ACCESS = "nested field access";

    private final FieldSyntaxVersion version;
    /** Field names from the root down; the last one is the field itself. */
    private final String[] steps;

    public SingleFieldPath(String pathText, FieldSyntaxVersion version) {
        Objects.requireNonNull(pathText, "pathText");
        Objects.requireNonNull(version, "version");
        this.version = version;
        this.steps = version == FieldSyntaxVersion.V1 ? new String[] {pathText} : parseDotted(pathText);
    }

    /** The field this path names within a struct schema, or null if some step does not exist. */
    public Field fieldFrom(Schema schema) {
        if (schema == null) {
            return null;
        }
        int last = lastIndex();
        Schema current = schema;
        for (int i = 0; i < last; i++) {
            Field parent = current.field(steps[i]);
            if (parent == null) {
                return null;
            }
            current = parent.schema();
        }
        return current.field(steps[last]);
    }

    /** The value at this path, falling back to field defaults where a value is null. */
    public Object valueFrom(Struct struct) {
        return valueFrom(struct, true);
    }

    /**
     * The value at this path. {@code withDefaults} chooses whether a null value of the field itself falls back to
     * its default; the structs on the way always do, so a null parent with a default struct is read through that
     * default, as upstream.
     */
    public Object valueFrom(Struct struct, boolean withDefaults) {
        if (struct == null) {
            return null;
        }
        int last = lastIndex();
        Struct current = struct;
        for (int i = 0; i < last; i++) {
            Object parent = fieldValue(current, steps[i], true);
            if (parent == null) {
                return null;
            }
            current = Requirements.requireStruct(parent, NESTED_ACCESS);
        }
        return fieldValue(current, steps[last], withDefaults);
    }

    /** The value at this path in schemaless data. */
    public Object valueFrom(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        int last = lastIndex();
        Map<String, Object> current = map;
        for (int i = 0; i < last; i++) {
            Object parent = current.get(steps[i]);
            if (parent == null) {
                return null;
            }
            current = Requirements.requireMap(parent, NESTED_ACCESS);
        }
        return current.get(steps[last]);
    }

    /** The field names from the root down. */
    String[] path() {
        return steps.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return Arrays.equals(steps, ((SingleFieldPath) other).steps);
    }

    @Override
    public int hashCode() {
        return 31 + Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "SingleFieldPath{version=" + version + ", path=" + String.join(".", steps) + "}";
    }

    private int lastIndex() {
        if (steps.length == 0) {
            throw new IllegalArgumentException("Field path is empty: the configured field name is an empty string");
        }
        return steps.length - 1;
    }

    private static Object fieldValue(Struct struct, String name, boolean withDefaults) {
        Field field = struct.schema().field(name);
        if (field == null) {
            return null;
        }
        return withDefaults ? struct.get(field) : struct.getWithoutDefault(name);
    }

    private static String[] parseDotted(String text) {
        List<String> parsed = new ArrayList<>();
        int length = text.length();
        int position = 0;
        while (position < length) {
            position = text.charAt(position) == BACKTICK
                ? readQuotedStep(text, position, parsed)
                : readPlainStep(text, position, parsed);
        }
        // A separator at the very end leaves an empty last step.
        if (length > 0 && text.charAt(length - 1) == DOT) {
            parsed.add("");
        }
        return parsed.toArray(new String[0]);
    }

    /** Reads an unquoted step up to the next dot; returns where the following step starts. */
    private static int readPlainStep(String text, int start, List<String> parsed) {
        int dot = text.indexOf(DOT, start);
        if (dot < 0) {
            parsed.add(text.substring(start));
            return text.length();
        }
        parsed.add(text.substring(start, dot));
        return dot + 1;
    }

    /** Reads a step that opens with a backtick at {@code open}; returns where the following step starts. */
    private static int readQuotedStep(String text, int open, List<String> parsed) {
        int lastChar = text.length() - 1;
        StringBuilder name = new StringBuilder();
        int copyFrom = open + 1;
        int searchFrom = open + 1;
        while (true) {
            int tick = text.indexOf(BACKTICK, searchFrom);
            if (tick < 0) {
                throw incompleteBacktickPair(text, open);
            }
            boolean closesHere = tick == lastChar || text.charAt(tick + 1) == DOT;
            if (!closesHere) {
                // Only a backtick before a dot or the end can close the step; others belong to the name.
                searchFrom = tick + 1;
                continue;
            }
            if (text.charAt(tick - 1) == BACKSLASH) {
                if (tick == lastChar) {
                    throw incompleteBacktickPair(text, open);
                }
                // Escaped: the backtick stays in the name, the backslash does not.
                name.append(text, copyFrom, tick - 1).append(BACKTICK);
                copyFrom = tick + 1;
                searchFrom = tick + 1;
                continue;
            }
            parsed.add(name.append(text, copyFrom, tick).toString());
            return tick == lastChar ? text.length() : tick + 2;
        }
    }

    private static ConfigException incompleteBacktickPair(String text, int open) {
        return new ConfigException("Incomplete backtick pair in path: [" + text + "], consider adding a backslash"
            + " before backtick at position " + open + " to escape it");
    }
}

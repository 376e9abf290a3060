package dev.sluice.compat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the public API surface of Apache's types with ours, type by type and member by member.
 *
 * <p>Besides the listed types it compares every non-public superclass that a listed Apache type
 * extends from the same packages (a public class inherits and exposes its public methods, as the
 * number converters inherit theirs from a package-private base).
 */
public final class SurfaceComparison {

    private final int typeCount;
    private final int memberCount;
    private final List<String> missing;
    private final List<String> differing;
    private final List<String> extra;

    private SurfaceComparison(int typeCount, int memberCount, List<String> missing, List<String> differing,
                              List<String> extra) {
        this.typeCount = typeCount;
        this.memberCount = memberCount;
        this.missing = List.copyOf(missing);
        this.differing = List.copyOf(differing);
        this.extra = List.copyOf(extra);
    }

    /**
     * Compares the named Apache types (loaded from {@code apache}) with the same names loaded from
     * {@code ours}; {@code ourTypes} lists our public types so that types Apache lacks show as extra.
     */
    public static SurfaceComparison compare(Collection<String> apacheTypes, Collection<String> ourTypes,
                                            ClassLoader apache, ClassLoader ours) {
        Set<String> toCompare = new LinkedHashSet<>(new TreeSet<>(apacheTypes));
        addNonPublicSuperclasses(toCompare, apache);
        int members = 0;
        List<String> missing = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (String name : toCompare) {
            TypeSurface theirs = TypeSurface.of(load(name, apache));
            members += theirs.memberCount();
            Class<?> ourType = tryLoad(name, ours);
            if (ourType == null) {
                missing.add(name + " (type)");
                continue;
            }
            TypeSurface mine = TypeSurface.of(ourType);
            for (Map.Entry<String, String> entry : theirs.entries().entrySet()) {
                String ourDescription = mine.entries().get(entry.getKey());
                if (ourDescription == null) {
                    missing.add(name + " " + entry.getKey() + ": " + entry.getValue());
                } else if (!ourDescription.equals(entry.getValue())) {
                    differing.add(name + " " + entry.getKey() + "\n      apache: " + entry.getValue()
                        + "\n      ours:   " + ourDescription);
                }
            }
            for (Map.Entry<String, String> entry : mine.entries().entrySet()) {
                if (!theirs.entries().containsKey(entry.getKey())) {
                    extra.add(name + " " + entry.getKey() + ": " + entry.getValue());
                }
            }
        }
        for (String name : new TreeSet<>(ourTypes)) {
            if (!toCompare.contains(name)) {
                extra.add(name + " (type)");
            }
        }
        return new SurfaceComparison(toCompare.size(), members, missing, differing, extra);
    }

    private static void addNonPublicSuperclasses(Set<String> names, ClassLoader apache) {
        for (String name : List.copyOf(names)) {
            Class<?> superclass = load(name, apache).getSuperclass();
            while (superclass != null && !Modifier.isPublic(superclass.getModifiers())
                && Objects.equals(superclass.getPackageName(), load(name, apache).getPackageName())) {
                names.add(superclass.getName());
                superclass = superclass.getSuperclass();
            }
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        Class<?> type = tryLoad(name, loader);
        if (type == null) {
            throw new IllegalStateException("Type " + name + " is not loadable from " + loader);
        }
        return type;
    }

    private static Class<?> tryLoad(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Number of types compared. */
    public int typeCount() {
        return typeCount;
    }

    /** Number of Apache members compared. */
    public int memberCount() {
        return memberCount;
    }

    /** Apache types and members that we lack. */
    public List<String> missing() {
        return missing;
    }

    /** Members present on both sides whose modifiers, signature, exceptions or constant value differ. */
    public List<String> differing() {
        return differing;
    }

    /** Public or protected types and members we have and Apache does not. */
    public List<String> extra() {
        return extra;
    }

    /** True when nothing is missing, differing or extra. */
    public boolean identical() {
        return missing.isEmpty() && differing.isEmpty() && extra.isEmpty();
    }

    /** One line: {@code API surface: N types, M members, X missing, Y differing}. */
    public String summary() {
        return "API surface: " + typeCount + " types, " + memberCount + " members, " + missing.size()
            + " missing, " + differing.size() + " differing";
    }

    /** The summary followed by every difference, one per line, for a failing assertion. */
    public String report() {
        StringBuilder out = new StringBuilder(summary()).append(", ").append(extra.size()).append(" extra");
        appendSection(out, "missing", missing);
        appendSection(out, "differing", differing);
        appendSection(out, "extra (not in Apache)", extra);
        return out.toString();
    }

    private static void appendSection(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n  ").append(title).append(':');
            lines.forEach(line -> out.append("\n    ").append(line));
        }
    }
}

package dev.sluice.runtime.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders plugin version strings the way version ranges in {@code *.plugin.version} keys expect: numeric
 * parts numerically ({@code 1.10 > 1.9}), pre-release qualifiers before the release
 * ({@code 1.0-alpha < 1.0-rc1 < 1.0-SNAPSHOT < 1.0 < 1.0-sp}), other text after the known qualifiers,
 * and numbers after any text at the same position ({@code 1.0.1 > 1.0-sp}).
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        List<Object> a = items(left);
        List<Object> b = items(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int result = compareItems(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static int compareItems(Object a, Object b) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return -compareItems(b, null);
        }
        if (a instanceof BigInteger number) {
            if (b == null) {
                return number.signum();
            }
            return b instanceof BigInteger other ? number.compareTo(other) : 1;
        }
        String text = (String) a;
        if (b == null) {
            return compareQualifiers(text, "");
        }
        return b instanceof BigInteger ? -1 : compareQualifiers(text, (String) b);
    }

    private static int compareQualifiers(String a, String b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return rankA == QUALIFIERS.size() ? a.compareTo(b) : 0;
    }

    private static int rank(String qualifier) {
        String q = switch (qualifier) {
            case "cr" -> "rc";
            case "ga", "final", "release" -> "";
            default -> qualifier;
        };
        int index = QUALIFIERS.indexOf(q);
        return index < 0 ? QUALIFIERS.size() : index;
    }

    /** Splits on '.', '-' and every change between digits and other characters; text is lower-cased. */
    private static List<Object> items(String version) {
        List<Object> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean digits = false;
        for (char c : version.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '.' || c == '-') {
                flush(items, current, digits);
                continue;
            }
            boolean isDigit = Character.isDigit(c);
            if (current.length() > 0 && isDigit != digits) {
                flush(items, current, digits);
            }
            digits = isDigit;
            current.append(c);
        }
        flush(items, current, digits);
        while (!items.isEmpty() && isNeutral(items.get(items.size() - 1))) {
            items.remove(items.size() - 1);
        }
        return items;
    }

    private static boolean isNeutral(Object item) {
        return item instanceof BigInteger n ? n.signum() == 0 : rank((String) item) == QUALIFIERS.indexOf("");
    }

    private static void flush(List<Object> items, StringBuilder current, boolean digits) {
        if (current.length() == 0) {
            return;
        }
        String text = current.toString();
        items.add(digits ? new BigInteger(text) : text);
        current.setLength(0);
    }
}

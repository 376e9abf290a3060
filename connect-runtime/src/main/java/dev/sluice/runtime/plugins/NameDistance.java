package dev.sluice.runtime.plugins;

/** How far apart two plugin names are, for suggesting what a mistyped class name or alias meant. */
final class NameDistance {

    /** Names at least this long count as close when one contains the other. */
    private static final int MIN_CONTAINED_LENGTH = 4;

    private NameDistance() {
    }

    /** The part of a class name after its last {@code .} or {@code $}. */
    static String shortName(String name) {
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    /** Edit distance, except that a name containing the other counts as distance 1. */
    static int between(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (Math.min(a.length(), b.length()) >= MIN_CONTAINED_LENGTH && (a.contains(b) || b.contains(a))) {
            return 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

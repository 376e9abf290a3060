package dev.sluice.runtime.plugins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders plugin version strings the way release numbers are usually read: numeric parts numerically,
 * a pre-release qualifier ({@code alpha}, {@code beta}, {@code milestone}, {@code rc}, {@code snapshot})
 * before the release, other qualifiers after it by text. {@value PluginInstantiator#UNDEFINED_VERSION}
 * sorts before every version.
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    private static final List<String> PRE_RELEASE = List.of("alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot");

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        boolean leftUndefined = PluginInstantiator.UNDEFINED_VERSION.equals(left);
        boolean rightUndefined = PluginInstantiator.UNDEFINED_VERSION.equals(right);
        if (leftUndefined || rightUndefined) {
            return Boolean.compare(rightUndefined, leftUndefined);
        }
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = compareToken(i < a.size() ? a.get(i) : "", i < b.size() ? b.get(i) : "");
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareToken(String a, String b) {
        boolean aNumber = isNumber(a);
        boolean bNumber = isNumber(b);
        if (aNumber && bNumber) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumber || bNumber) {
            // A missing part counts as 0 against a number; a number beats any qualifier.
            String other = aNumber ? b : a;
            int sign = aNumber ? 1 : -1;
            return other.isEmpty() ? sign * new BigInteger(aNumber ? a : b).signum() : sign;
        }
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    /** Pre-release qualifiers rank below 0 (the release), other qualifiers above it. */
    private static int rank(String qualifier) {
        if (qualifier.isEmpty() || qualifier.equals("ga") || qualifier.equals("final") || qualifier.equals("release")) {
            return 0;
        }
        int pre = PRE_RELEASE.indexOf(qualifier);
        return pre >= 0 ? pre - PRE_RELEASE.size() : 1;
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : version.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean boundary = c == '.' || c == '-' || c == '_'
                || (current.length() > 0 && Character.isDigit(c) != Character.isDigit(current.charAt(current.length() - 1)));
            if (boundary && current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
            if (c != '.' && c != '-' && c != '_') {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}

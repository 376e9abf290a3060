package dev.sluice.distribution.interop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Differences from Apache's answers that were found and reported but not fixed yet, so that the differential test
 * stays green for everything else. Each is the start of a difference line as {@link SideBySide} writes it
 * ({@code [request] path}) with the reason. A known difference that no longer occurs is reported too: it was fixed,
 * and its entry must go, so that it cannot come back unnoticed.
 */
final class KnownDifferences {

    /**
     * @param prefix the start of the difference lines it explains, {@code [request] $.path}
     * @param reason what differs, for the log
     */
    record Known(String prefix, String reason) {
    }

    /** The outcome of {@link #sort}: what is unexplained, and which known differences did not occur. */
    record Sorted(List<String> unexplained, List<String> explained, List<Known> notSeen) {
    }

    private final List<Known> known;

    KnownDifferences(List<Known> known) {
        this.known = List.copyOf(known);
    }

    /** Sorts {@code differences} into the ones a known difference explains and the others. */
    Sorted sort(List<String> differences) {
        List<String> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        Set<Known> seen = new LinkedHashSet<>();
        for (String difference : differences) {
            Known match = known.stream().filter(entry -> difference.startsWith(entry.prefix())).findFirst().orElse(null);
            if (match == null) {
                unexplained.add(difference);
            } else {
                explained.add(difference + "  (known: " + match.reason() + ")");
                seen.add(match);
            }
        }
        List<Known> notSeen = known.stream().filter(entry -> !seen.contains(entry)).toList();
        return new Sorted(unexplained, explained, notSeen);
    }
}

package org.apache.kafka.connect.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for writing connectors.
 */
public class ConnectorUtils {

    /**
     * Not needed: all methods are static. Public because Apache's class has a public constructor.
     */
    public ConnectorUtils() {
    }

    /**
     * Splits a list into {@code numGroups} contiguous groups whose sizes differ by at most one; the
     * first groups get the extra elements. Groups are empty when there are fewer elements than
     * groups. Typically used to spread a connector's inputs over its tasks.
     *
     * @param elements the elements, in order
     * @param numGroups the number of groups; must be positive
     * @param <T> the element type
     * @return {@code numGroups} new, mutable lists
     * @throws IllegalArgumentException if {@code numGroups} is not positive
     */
    public static <T> List<List<T>> groupPartitions(List<T> elements, int numGroups) {
        if (numGroups <= 0) {
            throw new IllegalArgumentException("Number of groups must be positive.");
        }
        int total = elements.size();
        int smallSize = total / numGroups;
        int groupsWithOneMore = total % numGroups;
        List<List<T>> groups = new ArrayList<>(numGroups);
        int start = 0;
        for (int group = 0; group < numGroups; group++) {
            int end = start + smallSize + (group < groupsWithOneMore ? 1 : 0);
            groups.add(new ArrayList<>(elements.subList(start, end)));
            start = end;
        }
        return groups;
    }
}

package org.apache.kafka.connect.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorUtilsTest {

    @Test
    void groupsAreContiguousAndTheFirstGroupsTakeTheRemainder() {
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7)),
            ConnectorUtils.groupPartitions(List.of(1, 2, 3, 4, 5, 6, 7), 3));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)),
            ConnectorUtils.groupPartitions(List.of(1, 2, 3, 4), 2));
        assertEquals(List.of(List.of(1, 2, 3)), ConnectorUtils.groupPartitions(List.of(1, 2, 3), 1));
    }

    @Test
    void moreGroupsThanElementsLeavesTrailingGroupsEmpty() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of(), List.of(), List.of()),
            ConnectorUtils.groupPartitions(List.of("a", "b"), 5));
        assertEquals(List.of(List.of(), List.of()), ConnectorUtils.groupPartitions(List.of(), 2));
    }

    @Test
    void groupSizesDifferByAtMostOne() {
        for (int elements = 0; elements < 30; elements++) {
            List<Integer> input = java.util.stream.IntStream.range(0, elements).boxed().toList();
            for (int groups = 1; groups < 12; groups++) {
                List<List<Integer>> result = ConnectorUtils.groupPartitions(input, groups);
                assertEquals(groups, result.size());
                int min = result.stream().mapToInt(List::size).min().orElseThrow();
                int max = result.stream().mapToInt(List::size).max().orElseThrow();
                assertEquals(true, max - min <= 1, elements + " elements in " + groups + " groups: " + result);
                assertEquals(input, result.stream().flatMap(List::stream).toList(), "order and completeness");
            }
        }
    }

    @Test
    void groupsAreMutable() {
        List<List<Integer>> groups = ConnectorUtils.groupPartitions(List.of(1, 2, 3), 2);
        groups.get(0).add(9);
        groups.add(List.of());
        assertEquals(List.of(List.of(1, 2, 9), List.of(3), List.of()), groups);
    }

    @Test
    void aNonPositiveNumberOfGroupsIsRejected() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> ConnectorUtils.groupPartitions(List.of(1), 0));
        assertEquals("Number of groups must be positive.", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConnectorUtils.groupPartitions(List.of(1), -1));
    }
}

package io.zhibiao.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranking by direction (design §6): the one rule for rankings and for rankCount formulas. */
public final class Ranks {

    private Ranks() {
    }

    /**
     * The rank of each value, best first by direction (DECREASE: lowest first; INCREASE and MAINTAIN: highest first):
     * one more than the number of values strictly better, so ties share a rank (1, 2, 2, 4); no value, no rank.
     */
    public static List<Integer> of(List<BigDecimal> values, Direction direction) {
        List<BigDecimal> present = values.stream().filter(v -> v != null).sorted(
                direction == Direction.DECREASE ? Comparator.naturalOrder() : Comparator.<BigDecimal>reverseOrder())
                .toList();
        List<Integer> ranks = new ArrayList<>(values.size());
        for (BigDecimal value : values) {
            ranks.add(value == null ? null : firstIndexOf(present, value, direction) + 1);
        }
        return ranks;
    }

    /** Index of the first value in the sorted list equal to {@code value}: the number strictly better. */
    private static int firstIndexOf(List<BigDecimal> sorted, BigDecimal value, Direction direction) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = sorted.get(mid).compareTo(value);
            boolean better = direction == Direction.DECREASE ? c < 0 : c > 0;
            if (better) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}

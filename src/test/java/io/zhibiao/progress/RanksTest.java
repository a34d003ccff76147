package io.zhibiao.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RanksTest {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void highestFirstWithTiesSharingARankAndGapsAfterThem() {
        assertThat(Ranks.of(values("20", "10", "20", null, "5"), Direction.INCREASE)).containsExactly(1, 3, 1, null, 4);
    }

    @Test
    void lowestFirstForDecreasingIndicators() {
        assertThat(Ranks.of(values("2", "0", "2.0", "7"), Direction.DECREASE)).containsExactly(2, 1, 2, 4);
    }

    @Test
    void maintainRanksHighestFirst() {
        assertThat(Ranks.of(values("1", "3"), Direction.MAINTAIN)).containsExactly(2, 1);
    }
}

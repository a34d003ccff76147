package io.zhibiao.observation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags a figure far from its org unit's own history: more than {@code limit} median absolute
 * deviations from the median of the last 12 figures, given at least 6. Robust to the one odd month
 * a mean would not be; accepted but flagged, because a real jump (a new school opening) must still
 * get in.
 */
public final class QualityRule {

    public static final String OUTLIER = "OUTLIER";
    public static final int WINDOW = 12;
    public static final int MIN_HISTORY = 6;
    private static final BigDecimal LIMIT = BigDecimal.valueOf(5);
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal FLAT_SHARE = new BigDecimal("0.1");

    private QualityRule() {
    }

    /** {@code history}: earlier figures, oldest first; only the last 12 are used. */
    public static Optional<String> check(BigDecimal value, List<BigDecimal> history) {
        if (history.size() < MIN_HISTORY) {
            return Optional.empty();
        }
        List<BigDecimal> recent = history.subList(Math.max(0, history.size() - WINDOW), history.size());
        BigDecimal median = median(recent);
        List<BigDecimal> deviations = new ArrayList<>(recent.size());
        recent.forEach(v -> deviations.add(v.subtract(median).abs()));
        BigDecimal mad = median(deviations);
        // A flat history (MAD 0) has no spread to measure against; a tenth of its level stands in
        // (1 for a flat zero),
        // so 100,100,…,101 passes while 100,100,…,900 does not.
        BigDecimal scale = mad.signum() != 0
                ? mad
                : median.signum() != 0 ? median.abs().multiply(FLAT_SHARE, MC) : BigDecimal.ONE;
        boolean far = value.subtract(median).abs().compareTo(scale.multiply(LIMIT)) > 0;
        return far ? Optional.of(OUTLIER) : Optional.empty();
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    }
}

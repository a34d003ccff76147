package io.zhibiao.progress;

import java.math.BigDecimal;

/**
 * Pace limits: at or above {@code onTrack} is ON_TRACK, at or above {@code atRisk} is AT_RISK,
 * below is OFF_TRACK.
 */
public record Thresholds(BigDecimal onTrack, BigDecimal atRisk) {

    public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("0.95"), new BigDecimal("0.85"));

    public Thresholds {
        if (onTrack.compareTo(atRisk) < 0) {
            throw new IllegalArgumentException("the on-track pace threshold must not be below the at-risk threshold");
        }
    }
}

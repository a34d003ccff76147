package io.zhibiao.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The engine's arithmetic: 34 significant digits inside, rounded half-up to 4 places only for
 * display.
 */
public final class Numbers {

    /** Intermediate precision; design §2 asks for at least 16 significant digits. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public static final int DISPLAY_SCALE = 4;

    private Numbers() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, PRECISION);
    }

    /**
     * Rounds half-up to at most 4 places and drops trailing zeros, never into exponent form (100,
     * not 1E+2).
     */
    public static BigDecimal display(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(DISPLAY_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    public static boolean isZero(BigDecimal value) {
        return value.signum() == 0;
    }
}

package io.zhibiao.validation;

import java.math.BigDecimal;

/** How a rule compares its two sides. */
public enum RuleOperator {

    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    RuleOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written as in a rule ({@code <=}); also the full-width forms a Chinese input method types. */
    public static RuleOperator of(String text) {
        String ascii = text == null
                ? ""
                : text.strip().replace('＜', '<').replace('＞', '>').replace('＝', '=').replace('！', '!')
                        .replace("≤", "<=").replace("≥", ">=").replace("≠", "!=");
        for (RuleOperator op : values()) {
            if (op.symbol.equals(ascii)) {
                return op;
            }
        }
        return null;
    }

    /** Whether {@code left op right} holds; {@code tolerance} widens {@code ==} only (absolute, 0 when null). */
    boolean holds(BigDecimal left, BigDecimal right, BigDecimal tolerance) {
        int order = left.compareTo(right);
        return switch (this) {
            case EQ -> tolerance == null ? order == 0 : left.subtract(right).abs().compareTo(tolerance) <= 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }
}

package io.zhibiao.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks one rule against the values of one unit and period, in plain Java: the values of every reference are looked up
 * once, the missing-value strategy decides whether the rule is checked at all, both sides are computed in
 * {@code BigDecimal} with 34 significant digits, and a division by zero skips the rule.
 */
public final class RuleCheck {

    static final MathContext DIGITS = MathContext.DECIMAL128;

    /** What a rule needs to be checked; plain data. */
    public record Definition(Expression left, RuleOperator operator, Expression right, BigDecimal tolerance,
            MissingValues missing) {
    }

    public enum Verdict {
        PASSED, FAILED, SKIPPED
    }

    /** The verdict with both sides' values (null when skipped before computing them). */
    public record Outcome(Verdict verdict, BigDecimal left, BigDecimal right, String skippedBecause) {

        public boolean failed() {
            return verdict == Verdict.FAILED;
        }
    }

    private RuleCheck() {
    }

    /** @param values the value each reference stands for, null when there is none */
    public static Outcome check(Definition rule, Function<Expression.Ref, BigDecimal> values) {
        List<Expression.Ref> refs = new ArrayList<>(rule.left().refs());
        refs.addAll(rule.right().refs());
        java.util.Map<Expression.Ref, BigDecimal> known = new java.util.HashMap<>();
        int missing = 0;
        for (Expression.Ref ref : refs) {
            if (!known.containsKey(ref)) {
                BigDecimal value = values.apply(ref);
                known.put(ref, value);
                if (value == null) {
                    missing++;
                }
            }
        }
        if (missing > 0 && rule.missing() == MissingValues.SKIP_IF_ANY_MISSING) {
            return new Outcome(Verdict.SKIPPED, null, null, "a value is missing");
        }
        if (missing == known.size() && rule.missing() == MissingValues.SKIP_IF_ALL_MISSING) {
            return new Outcome(Verdict.SKIPPED, null, null, "every value is missing");
        }
        Function<Expression.Ref, BigDecimal> filled = ref -> {
            BigDecimal value = known.get(ref);
            return value == null ? BigDecimal.ZERO : value;
        };
        BigDecimal left;
        BigDecimal right;
        try {
            left = evaluate(rule.left(), filled);
            right = evaluate(rule.right(), filled);
        } catch (ArithmeticException divisionByZero) {
            return new Outcome(Verdict.SKIPPED, null, null, "division by zero");
        }
        boolean holds = rule.operator().holds(left, right, rule.tolerance());
        return new Outcome(holds ? Verdict.PASSED : Verdict.FAILED, plain(left), plain(right), null);
    }

    /**
     * The value of an expression; a division by zero throws {@link ArithmeticException}. Recursion is bounded by the
     * parser's nesting limit.
     */
    static BigDecimal evaluate(Expression e, Function<Expression.Ref, BigDecimal> values) {
        if (e instanceof Expression.Number n) {
            return n.value();
        }
        if (e instanceof Expression.Ref r) {
            return values.apply(r);
        }
        if (e instanceof Expression.Negate n) {
            return evaluate(n.operand(), values).negate();
        }
        Expression.Binary b = (Expression.Binary) e;
        BigDecimal l = evaluate(b.left(), values);
        BigDecimal r = evaluate(b.right(), values);
        return switch (b.operator()) {
            case '+' -> l.add(r, DIGITS);
            case '-' -> l.subtract(r, DIGITS);
            case '*' -> l.multiply(r, DIGITS);
            default -> {
                if (r.signum() == 0) {
                    throw new ArithmeticException("division by zero");
                }
                yield l.divide(r, DIGITS);
            }
        };
    }

    /** 130, not 1.3E+2: values are shown to clerks. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

package io.zhibiao.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.validation.RuleCheck.Verdict;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** design §7, validation rules: operators, tolerance, the three missing-value strategies, division by zero. */
class RuleCheckTest {

    private final ExpressionParser parser = new ExpressionParser(Optional::of);
    private final Map<String, BigDecimal> values = new HashMap<>();

    private RuleCheck.Outcome check(String left, String op, String right, MissingValues missing, String tolerance) {
        RuleCheck.Definition rule = new RuleCheck.Definition(parser.parse(left), RuleOperator.of(op),
                parser.parse(right), tolerance == null ? null : new BigDecimal(tolerance), missing);
        return RuleCheck.check(rule, ref -> values
                .get(ref.reach() == Expression.Reach.SAME ? ref.code() : ref.reach().name() + ":" + ref.code()));
    }

    private Verdict verdict(String left, String op, String right) {
        return check(left, op, right, MissingValues.SKIP_IF_ANY_MISSING, null).verdict();
    }

    @Test
    void admittedNotAboveSitting() {
        values.put("sit", new BigDecimal("120"));
        values.put("pass", new BigDecimal("130"));
        RuleCheck.Outcome failed = check("pass", "<=", "sit", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.left().toPlainString()).isEqualTo("130");
        assertThat(failed.right().toPlainString()).isEqualTo("120");
        values.put("pass", new BigDecimal("120.00"));
        assertThat(verdict("pass", "<=", "sit")).isEqualTo(Verdict.PASSED);
    }

    @Test
    void everyOperator() {
        values.put("a", new BigDecimal("2"));
        values.put("b", new BigDecimal("2.0"));
        assertThat(verdict("a", "==", "b")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("a", "!=", "b")).isEqualTo(Verdict.FAILED);
        assertThat(verdict("a", "<", "b")).isEqualTo(Verdict.FAILED);
        assertThat(verdict("a", "<=", "b")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("a", ">", "b")).isEqualTo(Verdict.FAILED);
        assertThat(verdict("a", ">=", "b")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("a + 1", ">", "b")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("a", "＜＝", "b")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("a", "≥", "b")).isEqualTo(Verdict.PASSED);
        assertThat(RuleOperator.of("=<")).isNull();
        assertThat(RuleOperator.of("=")).isNull();
    }

    @Test
    void toleranceWidensEqualityOnly() {
        values.put("sum", new BigDecimal("100.4"));
        values.put("total", new BigDecimal("100"));
        assertThat(check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, null).verdict())
                .isEqualTo(Verdict.FAILED);
        assertThat(check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.5").verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.4").verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.39").verdict())
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void missingValueStrategies() {
        values.put("pass", new BigDecimal("130"));
        // 上线人数 first, 参考人数 not yet posted: skipped by default.
        RuleCheck.Outcome skipped = check("pass", "<=", "sit", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertThat(skipped.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(skipped.left()).isNull();
        // Only some missing: the missing one counts as 0.
        RuleCheck.Outcome zero = check("pass", "<=", "sit", MissingValues.SKIP_IF_ALL_MISSING, null);
        assertThat(zero.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(zero.right().toPlainString()).isEqualTo("0");
        values.clear();
        assertThat(check("pass", "<=", "sit", MissingValues.SKIP_IF_ALL_MISSING, null).verdict())
                .isEqualTo(Verdict.SKIPPED);
        // Never skipped: both missing, 0 <= 0 holds, 0 > 0 does not.
        assertThat(check("pass", "<=", "sit", MissingValues.NEVER_SKIP, null).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(check("pass", ">", "0", MissingValues.NEVER_SKIP, null).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void functionsAreTheirOwnValues() {
        values.put("train", new BigDecimal("900"));
        values.put("LAST_YEAR:train", new BigDecimal("200"));
        RuleCheck.Outcome warn = check("train", "<=", "3 * lastYear(train)", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertThat(warn.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(warn.right().toPlainString()).isEqualTo("600");
        values.put("PREV:train", new BigDecimal("800"));
        assertThat(verdict("train", ">=", "prev(train)")).isEqualTo(Verdict.PASSED);
        assertThat(verdict("train", "<=", "children(train)")).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void divisionByZeroInDataSkips() {
        values.put("pass", new BigDecimal("10"));
        values.put("sit", BigDecimal.ZERO);
        RuleCheck.Outcome outcome = check("pass / sit * 100", "<=", "100", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertThat(outcome.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(outcome.skippedBecause()).isEqualTo("division by zero");
        values.put("sit", new BigDecimal("3"));
        RuleCheck.Outcome rate = check("pass / sit * 100", "<=", "100", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertThat(rate.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(rate.left().toPlainString()).isEqualTo("333.3333333333333333333333333333333");
    }
}

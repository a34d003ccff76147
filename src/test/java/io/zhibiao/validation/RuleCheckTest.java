package io.zhibiao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals(Verdict.FAILED, failed.verdict());
        assertEquals("130", failed.left().toPlainString());
        assertEquals("120", failed.right().toPlainString());
        values.put("pass", new BigDecimal("120.00"));
        assertEquals(Verdict.PASSED, verdict("pass", "<=", "sit"));
    }

    @Test
    void everyOperator() {
        values.put("a", new BigDecimal("2"));
        values.put("b", new BigDecimal("2.0"));
        assertEquals(Verdict.PASSED, verdict("a", "==", "b"));
        assertEquals(Verdict.FAILED, verdict("a", "!=", "b"));
        assertEquals(Verdict.FAILED, verdict("a", "<", "b"));
        assertEquals(Verdict.PASSED, verdict("a", "<=", "b"));
        assertEquals(Verdict.FAILED, verdict("a", ">", "b"));
        assertEquals(Verdict.PASSED, verdict("a", ">=", "b"));
        assertEquals(Verdict.PASSED, verdict("a + 1", ">", "b"));
        assertEquals(Verdict.PASSED, verdict("a", "＜＝", "b"));
        assertEquals(Verdict.PASSED, verdict("a", "≥", "b"));
        assertNull(RuleOperator.of("=<"));
        assertNull(RuleOperator.of("="));
    }

    @Test
    void toleranceWidensEqualityOnly() {
        values.put("sum", new BigDecimal("100.4"));
        values.put("total", new BigDecimal("100"));
        assertEquals(Verdict.FAILED, check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, null).verdict());
        assertEquals(Verdict.PASSED, check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.5").verdict());
        assertEquals(Verdict.PASSED, check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.4").verdict());
        assertEquals(Verdict.FAILED, check("sum", "==", "total", MissingValues.SKIP_IF_ANY_MISSING, "0.39").verdict());
    }

    @Test
    void missingValueStrategies() {
        values.put("pass", new BigDecimal("130"));
        // 上线人数 first, 参考人数 not yet posted: skipped by default.
        RuleCheck.Outcome skipped = check("pass", "<=", "sit", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertEquals(Verdict.SKIPPED, skipped.verdict());
        assertNull(skipped.left());
        // Only some missing: the missing one counts as 0.
        RuleCheck.Outcome zero = check("pass", "<=", "sit", MissingValues.SKIP_IF_ALL_MISSING, null);
        assertEquals(Verdict.FAILED, zero.verdict());
        assertEquals("0", zero.right().toPlainString());
        values.clear();
        assertEquals(Verdict.SKIPPED, check("pass", "<=", "sit", MissingValues.SKIP_IF_ALL_MISSING, null).verdict());
        // Never skipped: both missing, 0 <= 0 holds, 0 > 0 does not.
        assertEquals(Verdict.PASSED, check("pass", "<=", "sit", MissingValues.NEVER_SKIP, null).verdict());
        assertEquals(Verdict.FAILED, check("pass", ">", "0", MissingValues.NEVER_SKIP, null).verdict());
    }

    @Test
    void functionsAreTheirOwnValues() {
        values.put("train", new BigDecimal("900"));
        values.put("LAST_YEAR:train", new BigDecimal("200"));
        RuleCheck.Outcome warn = check("train", "<=", "3 * lastYear(train)", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertEquals(Verdict.FAILED, warn.verdict());
        assertEquals("600", warn.right().toPlainString());
        values.put("PREV:train", new BigDecimal("800"));
        assertEquals(Verdict.PASSED, verdict("train", ">=", "prev(train)"));
        assertEquals(Verdict.SKIPPED, verdict("train", "<=", "children(train)"));
    }

    @Test
    void divisionByZeroInDataSkips() {
        values.put("pass", new BigDecimal("10"));
        values.put("sit", BigDecimal.ZERO);
        RuleCheck.Outcome outcome = check("pass / sit * 100", "<=", "100", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertEquals(Verdict.SKIPPED, outcome.verdict());
        assertEquals("division by zero", outcome.skippedBecause());
        values.put("sit", new BigDecimal("3"));
        RuleCheck.Outcome rate = check("pass / sit * 100", "<=", "100", MissingValues.SKIP_IF_ANY_MISSING, null);
        assertEquals(Verdict.FAILED, rate.verdict());
        assertEquals("333.3333333333333333333333333333333", rate.left().toPlainString());
    }
}

package io.zhibiao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    /** Codes and the names that stand for them. */
    private static final Map<String, String> KNOWN = Map.of("gk-sk", "gk-sk", "gk-bk", "gk-bk", "train", "train",
            "高考参考人数", "gk-sk", "高考本科上线人数", "gk-bk", "rate.v2", "rate.v2");

    private final ExpressionParser parser = new ExpressionParser(name -> Optional.ofNullable(KNOWN.get(name)));

    @Test
    void readsCodesNamesFunctionsAndPrecedence() {
        assertEquals("gk-bk", parser.parse("gk-bk").text());
        assertEquals("gk-sk", parser.parse(" 高考参考人数 ").text());
        assertEquals("3 * lastYear(train)", parser.parse("3*lastYear(train)").text());
        assertEquals("gk-sk - gk-bk", parser.parse("gk-sk - gk-bk").text());
        assertEquals("(gk-sk - gk-bk) / 2", parser.parse("(gk-sk-gk-bk)/2".replace("sk-gk", "sk - gk")).text());
        assertEquals("gk-sk - (gk-bk - train)", parser.parse("gk-sk - (gk-bk - train)").text());
        assertEquals("gk-sk - gk-bk - train", parser.parse("(gk-sk - gk-bk) - train").text());
        assertEquals("prev(train) + children(train) * 1.5", parser.parse("prev( train )+children(train)*1.5").text());
        assertEquals("-train + 2 - 1", parser.parse("-train + 2-1").text());
    }

    @Test
    void fullWidthFormsFromAChineseInputMethod() {
        assertEquals("3 * (gk-sk + 1)", parser.parse("3×（高考参考人数＋1）").text());
        assertEquals("gk-bk / gk-sk", parser.parse("高考本科上线人数÷高考参考人数").text());
    }

    @Test
    void evaluatesInBigDecimalWithPrecedence() {
        Expression e = parser.parse("train - 2 * (gk-sk - gk-bk) / 4");
        Map<String, BigDecimal> values = Map.of("train", new BigDecimal("10"), "gk-sk", new BigDecimal("0.3"), "gk-bk",
                new BigDecimal("0.1"));
        assertEquals(0, new BigDecimal("9.9").compareTo(RuleCheck.evaluate(e, r -> values.get(r.code()))));
        // 1/3 to 34 digits, not a double.
        BigDecimal third = RuleCheck.evaluate(parser.parse("train / 3"), r -> BigDecimal.ONE);
        assertEquals("0.3333333333333333333333333333333333", third.toPlainString());
    }

    @Test
    void refusesWithThePosition() {
        assertError(11, "not closed", "(gk-sk + 1");
        assertError(6, "closes no", "gk-sk) + 1");
        assertError(1, "unknown indicator 'nope'", "nope + 1");
        assertError(9, "unknown indicator 'gk-sk-1'", "train + gk-sk-1");
        assertError(6, "prev( needs an indicator code", "prev()");
        assertError(1, "unknown function 'max'", "max(train)");
        assertError(12, "takes one indicator code", "prev(gk-sk + 1)");
        assertError(7, "division by zero", "train / 0");
        assertError(7, "division by zero", "train / (2 - 2)");
        assertError(1, "empty", "  ");
        assertError(7, "expected an operator", "train train");
        assertError(9, "ends where", "train + ");
        assertError(9, "expected a number", "train + *");
    }

    @Test
    void boundedAgainstHostileInput() {
        String deep = "(".repeat(10_000) + "train" + ")".repeat(10_000);
        ExpressionError tooLong = assertThrows(ExpressionError.class, () -> parser.parse(deep));
        assertTrue(tooLong.getMessage().contains("at most 500"), tooLong.getMessage());
        String nested = "(".repeat(40) + "train" + ")".repeat(40);
        ExpressionError tooDeep = assertThrows(ExpressionError.class, () -> parser.parse(nested));
        assertEquals(33, tooDeep.position());
        assertTrue(tooDeep.getMessage().contains("nested more than 32"));
        assertTrue(assertThrows(ExpressionError.class, () -> parser.parse("x".repeat(1_000_000))).getMessage()
                .contains("at most 500"));
        // A long flat chain is fine: no recursion per term beyond the chain itself.
        String chain = String.join(" + ", java.util.Collections.nCopies(60, "train"));
        assertEquals(60, parser.parse(chain).refs().size());
        assertError(1, "found U+0000", "\u0000train");
    }

    private void assertError(int position, String message, String text) {
        ExpressionError error = assertThrows(ExpressionError.class, () -> parser.parse(text), text);
        assertTrue(error.getMessage().contains(message), text + " → " + error.getMessage());
        assertEquals(position, error.position(), text + " → " + error.describe());
    }
}

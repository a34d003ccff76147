package io.zhibiao.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
        assertThat(parser.parse("gk-bk").text()).isEqualTo("gk-bk");
        assertThat(parser.parse(" 高考参考人数 ").text()).isEqualTo("gk-sk");
        assertThat(parser.parse("3*lastYear(train)").text()).isEqualTo("3 * lastYear(train)");
        assertThat(parser.parse("gk-sk - gk-bk").text()).isEqualTo("gk-sk - gk-bk");
        assertThat(parser.parse("(gk-sk-gk-bk)/2".replace("sk-gk", "sk - gk")).text()).isEqualTo("(gk-sk - gk-bk) / 2");
        assertThat(parser.parse("gk-sk - (gk-bk - train)").text()).isEqualTo("gk-sk - (gk-bk - train)");
        assertThat(parser.parse("(gk-sk - gk-bk) - train").text()).isEqualTo("gk-sk - gk-bk - train");
        assertThat(parser.parse("prev( train )+children(train)*1.5").text())
                .isEqualTo("prev(train) + children(train) * 1.5");
        assertThat(parser.parse("-train + 2-1").text()).isEqualTo("-train + 2 - 1");
    }

    @Test
    void fullWidthFormsFromAChineseInputMethod() {
        assertThat(parser.parse("3×（高考参考人数＋1）").text()).isEqualTo("3 * (gk-sk + 1)");
        assertThat(parser.parse("高考本科上线人数÷高考参考人数").text()).isEqualTo("gk-bk / gk-sk");
    }

    @Test
    void evaluatesInBigDecimalWithPrecedence() {
        Expression e = parser.parse("train - 2 * (gk-sk - gk-bk) / 4");
        Map<String, BigDecimal> values = Map.of("train", new BigDecimal("10"), "gk-sk", new BigDecimal("0.3"), "gk-bk",
                new BigDecimal("0.1"));
        assertThat(new BigDecimal("9.9").compareTo(RuleCheck.evaluate(e, r -> values.get(r.code())))).isEqualTo(0);
        // 1/3 to 34 digits, not a double.
        BigDecimal third = RuleCheck.evaluate(parser.parse("train / 3"), r -> BigDecimal.ONE);
        assertThat(third.toPlainString()).isEqualTo("0.3333333333333333333333333333333333");
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
        assertThatThrownBy(() -> parser.parse(deep)).isInstanceOf(ExpressionError.class)
                .hasMessageContaining("at most 500");
        String nested = "(".repeat(40) + "train" + ")".repeat(40);
        ExpressionError tooDeep = catchThrowableOfType(ExpressionError.class, () -> parser.parse(nested));
        assertThat(tooDeep.position()).isEqualTo(33);
        assertThat(tooDeep).hasMessageContaining("nested more than 32");
        assertThatThrownBy(() -> parser.parse("x".repeat(1_000_000))).isInstanceOf(ExpressionError.class)
                .hasMessageContaining("at most 500");
        // A long flat chain is fine: no recursion per term beyond the chain itself.
        String chain = String.join(" + ", java.util.Collections.nCopies(60, "train"));
        assertThat(parser.parse(chain).refs().size()).isEqualTo(60);
        assertError(1, "found U+0000", "\u0000train");
    }

    private void assertError(int position, String message, String text) {
        ExpressionError error = catchThrowableOfType(ExpressionError.class, () -> parser.parse(text));
        assertThat(error).as(text).isNotNull().hasMessageContaining(message);
        assertThat(error.position()).as(text + " → " + error.describe()).isEqualTo(position);
    }
}

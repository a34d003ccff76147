package io.zhibiao.validation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one side of a validation rule by recursive descent — a parser, never string evaluation (design §7):
 *
 * <pre>
 * sum     = product { ("+" | "-") product }
 * product = unary { ("*" | "/") unary }
 * unary   = "-" unary | atom
 * atom    = number | name | ("prev" | "lastYear" | "children") "(" name ")" | "(" sum ")"
 * </pre>
 *
 * A name is an indicator code or an indicator's name ({@code 高考参考人数}); codes may hold {@code - . _}, so a minus
 * between two codes needs spaces. Full-width brackets and operators typed with a Chinese input method ({@code （ ）
 * ＋ － × ÷ ＊ ／}) count as their ASCII forms. Bounded: at most {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH}
 * levels of nesting, so no input can exhaust the stack. A constant divisor that is zero is refused here; a divisor that
 * is zero only for some figures skips the rule when it is checked.
 */
public final class ExpressionParser {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_DEPTH = 32;

    private final Function<String, Optional<String>> codes;
    private int[] text;
    private int at;
    private int depth;

    /** @param codes the canonical indicator code a written name stands for (a code or a unique name), or empty */
    public ExpressionParser(Function<String, Optional<String>> codes) {
        this.codes = codes;
    }

    public Expression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ExpressionError(1, "the expression is empty");
        }
        int length = source.codePointCount(0, source.length());
        if (length > MAX_LENGTH) {
            throw new ExpressionError(MAX_LENGTH + 1,
                    "an expression holds at most " + MAX_LENGTH + " characters (this one " + length + ")");
        }
        text = source.codePoints().map(ExpressionParser::ascii).toArray();
        at = 0;
        depth = 0;
        Expression expression = sum();
        skipSpace();
        if (at < text.length) {
            throw new ExpressionError(at + 1,
                    text[at] == ')' ? "')' closes no '('" : "expected an operator (+ - * /) before " + shown(text[at]));
        }
        return expression;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char operator = (char) text[at++];
                left = new Expression.Binary(operator, left, product());
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                int position = at + 1;
                char operator = (char) text[at++];
                Expression right = unary();
                if (operator == '/' && right.refs().isEmpty() && constant(right).signum() == 0) {
                    throw new ExpressionError(position, "division by zero");
                }
                left = new Expression.Binary(operator, left, right);
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        skipSpace();
        if (peek('-')) {
            at++;
            return nested(() -> new Expression.Negate(unary()));
        }
        return atom();
    }

    private Expression atom() {
        skipSpace();
        if (at >= text.length) {
            throw new ExpressionError(at + 1, "the expression ends where a number, a code or '(' belongs");
        }
        int start = at;
        if (peek('(')) {
            at++;
            Expression inner = nested(this::sum);
            skipSpace();
            if (!peek(')')) {
                throw new ExpressionError(at + 1, "'(' at character " + (start + 1) + " is not closed");
            }
            at++;
            return inner;
        }
        String word = word();
        if (word.isEmpty()) {
            throw new ExpressionError(start + 1,
                    "expected a number, an indicator code or '(' but found " + shown(text[start]));
        }
        if (isNumber(word)) {
            return new Expression.Number(new BigDecimal(word));
        }
        skipSpace();
        if (peek('(')) {
            Expression.Reach reach = Expression.Reach.ofFunction(word);
            if (reach == null || reach == Expression.Reach.SAME) {
                throw new ExpressionError(start + 1,
                        "unknown function '" + word + "'; the functions are prev, lastYear and children");
            }
            at++;
            skipSpace();
            int codeAt = at;
            String argument = word();
            if (argument.isEmpty() || isNumber(argument)) {
                throw new ExpressionError(codeAt + 1, word + "( needs an indicator code, as in " + word + "(code)");
            }
            skipSpace();
            if (!peek(')')) {
                throw new ExpressionError(at + 1, word + "( takes one indicator code and a ')'");
            }
            at++;
            return new Expression.Ref(resolve(argument, codeAt), reach);
        }
        return new Expression.Ref(resolve(word, start), Expression.Reach.SAME);
    }

    private Expression nested(java.util.function.Supplier<Expression> inner) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionError(at, "nested more than " + MAX_DEPTH + " levels deep");
        }
        Expression e = inner.get();
        depth--;
        return e;
    }

    private String resolve(String name, int position) {
        return codes.apply(name).orElseThrow(() -> new ExpressionError(position + 1, "unknown indicator '" + name + "'"
                + (name.indexOf('-') > 0 ? " (codes may contain '-': to subtract, put spaces around it)" : "")));
    }

    /**
     * A run of letters, digits and {@code . _ -}; a minus continues it only after something that is not a number, so
     * {@code 2-1} is a subtraction and {@code gk-ck} a code.
     */
    private String word() {
        int start = at;
        while (at < text.length) {
            int c = text[at];
            boolean part = Character.isLetterOrDigit(c) || c == '.' || c == '_'
                    || c == '-' && at > start && !isNumber(new String(text, start, at - start));
            if (!part) {
                break;
            }
            at++;
        }
        return new String(text, start, at - start);
    }

    /** A character as a message shows it: control characters by their code. */
    private static String shown(int c) {
        return Character.isISOControl(c) || !Character.isDefined(c)
                ? String.format("U+%04X", c)
                : "'" + new String(new int[]{c}, 0, 1) + "'";
    }

    private static boolean isNumber(String word) {
        return word.matches("\\d+(\\.\\d+)?");
    }

    private boolean peek(char c) {
        return at < text.length && text[at] == c;
    }

    private void skipSpace() {
        while (at < text.length && Character.isWhitespace(text[at]) || at < text.length && text[at] == 0x3000) {
            at++;
        }
    }

    /** Full-width forms a Chinese input method types, as their ASCII operators. */
    private static int ascii(int c) {
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '＋' -> '+';
            case '－', '−' -> '-';
            case '×', '＊' -> '*';
            case '÷', '／' -> '/';
            case '．' -> '.';
            default -> c;
        };
    }

    /** The value of an expression without references; division by zero inside it is refused. */
    private static BigDecimal constant(Expression e) {
        try {
            return RuleCheck.evaluate(e, ref -> BigDecimal.ZERO);
        } catch (ArithmeticException zero) {
            return BigDecimal.ZERO;
        }
    }
}

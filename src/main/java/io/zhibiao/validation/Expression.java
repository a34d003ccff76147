package io.zhibiao.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * One side of a validation rule, parsed (design §7): decimal numbers, indicator references, {@code + - * /} and
 * parentheses. Plain data; {@link ExpressionParser} makes it, {@link RuleCheck} evaluates it.
 */
public sealed interface Expression {

    /** Which value of an indicator a reference stands for. */
    enum Reach {

        /** The unit's value in the period being checked. */
        SAME(null),
        /** The unit's value in the previous period of the same type. */
        PREV("prev"),
        /** The unit's value in the same period a year earlier. */
        LAST_YEAR("lastYear"),
        /** The rolled-up value of the unit's children, leaving out the unit's own figure. */
        CHILDREN("children");

        final String function;

        Reach(String function) {
            this.function = function;
        }

        static Reach ofFunction(String name) {
            for (Reach reach : values()) {
                if (name.equals(reach.function)) {
                    return reach;
                }
            }
            return null;
        }
    }

    record Number(BigDecimal value) implements Expression {
    }

    record Ref(String code, Reach reach) implements Expression {
    }

    record Negate(Expression operand) implements Expression {
    }

    record Binary(char operator, Expression left, Expression right) implements Expression {
    }

    /** Every reference in the expression, left to right. */
    default List<Ref> refs() {
        List<Ref> refs = new java.util.ArrayList<>();
        visit(e -> {
            if (e instanceof Ref ref) {
                refs.add(ref);
            }
        });
        return refs;
    }

    private void visit(Consumer<Expression> visitor) {
        // An explicit stack: the parser bounds the depth, but evaluation should not depend on it.
        java.util.ArrayDeque<Expression> todo = new java.util.ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            Expression e = todo.pop();
            visitor.accept(e);
            if (e instanceof Binary b) {
                todo.push(b.right());
                todo.push(b.left());
            } else if (e instanceof Negate n) {
                todo.push(n.operand());
            }
        }
    }

    /** The expression written back in its canonical form: codes, single spaces around operators, needed parentheses. */
    default String text() {
        return Texts.of(this, 0);
    }

    /** Writes expressions back; parentheses only where precedence needs them. */
    final class Texts {

        private Texts() {
        }

        static String of(Expression e, int outer) {
            if (e instanceof Number n) {
                return n.value().toPlainString();
            }
            if (e instanceof Ref r) {
                return r.reach() == Reach.SAME ? r.code() : r.reach().function + "(" + r.code() + ")";
            }
            if (e instanceof Negate n) {
                return "-" + of(n.operand(), 3);
            }
            Binary b = (Binary) e;
            int level = b.operator() == '+' || b.operator() == '-' ? 1 : 2;
            // The right operand of - and / binds tighter: a - (b - c), a / (b * c).
            String text = of(b.left(), level) + " " + b.operator() + " " + of(b.right(), level + 1);
            return level < outer ? "(" + text + ")" : text;
        }
    }
}

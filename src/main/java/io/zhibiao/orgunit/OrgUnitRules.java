package io.zhibiao.orgunit;

import io.zhibiao.common.FieldError;
import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The rules of one unit's place in the tree, the same for a single POST/PUT and every roster row: a type may sit only
 * under a shallower one, a unit never under itself or its own subtree, a closing month not before the opening one.
 * Plain Java: the callers say what the parent is, these rules say whether it may be.
 */
public final class OrgUnitRules {

    /** Opening and closing month as period indexes; null when absent. */
    public record Months(Integer opened, Integer closed) {
    }

    private OrgUnitRules() {
    }

    /** Why a unit of {@code type} may not sit under {@code parentType}, if it may not. */
    public static Optional<FieldError> placement(OrgUnitType type, String parentCode, OrgUnitType parentType) {
        if (!parentType.mayContain(type)) {
            return Optional.of(new FieldError("type", "a " + type + " (" + type.label() + ") cannot sit under a "
                    + parentType + " (" + parentType.label() + ", '" + parentCode + "')"));
        }
        return Optional.empty();
    }

    /** The message when a unit would move under itself or its own descendant. */
    public static FieldError cycle(String field, String code, String parentCode) {
        return new FieldError(field,
                parentCode.equals(code)
                        ? "'" + code + "' cannot be its own parent"
                        : "'" + parentCode + "' is inside '" + code + "'; a unit cannot move under its own subtree");
    }

    /** Parses the opening and closing months ({@code 2025-09}), the closing one not before the opening one. */
    public static Months months(String openedAt, String closedAt) throws MonthProblem {
        Integer opened = parse("openedAt", openedAt);
        Integer closed = parse("closedAt", closedAt);
        if (opened != null && closed != null && closed < opened) {
            throw new MonthProblem(new FieldError("closedAt",
                    "the unit closes (" + closedAt.strip() + ") before it opens (" + openedAt.strip() + ")"));
        }
        return new Months(opened, closed);
    }

    private static Integer parse(String field, String text) throws MonthProblem {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Period.index(Period.parseMonth(text));
        } catch (InvalidPeriodException e) {
            throw new MonthProblem(new FieldError(field, e.getMessage()));
        }
    }

    /** A month index as text (2025-09), or null. */
    public static String month(Integer index) {
        return index == null ? null : YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1).toString();
    }

    /** A month that cannot be read or comes in the wrong order. */
    public static final class MonthProblem extends Exception {

        private final transient FieldError error;

        MonthProblem(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }
}

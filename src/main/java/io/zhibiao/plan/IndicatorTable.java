package io.zhibiao.plan;

import io.zhibiao.period.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The indicator tables (主要指标表) of five-year plans, in every layout a plan's text holds them: lines of cells under a
 * header ({@link CellTable}), one cell per line ({@link LinedTable}), and rows whose header is not in the text, known by
 * their attribute ({@link AttributeRows}). Each row with a target value is a candidate ({@link RowTarget}), named as a
 * table names its rows ({@link RowNames}). Plain Java, like the rest of the extractor.
 */
final class IndicatorTable {

    private final PlanText plan;
    private final RowTarget targets;

    /**
     * A plan's tables; rows of a table that names no years are due in the plan year, or from it to {@code lastYear} for a
     * plan of several years.
     */
    IndicatorTable(PlanText plan, int year, int lastYear) {
        this.plan = plan;
        this.targets = new RowTarget(plan,
                lastYear > year
                        ? new Period(year * 12, Math.min(lastYear, Period.MAX_YEAR) * 12 + 11).toString()
                        : String.valueOf(year));
    }

    /** Every row of every indicator table in the plan, in text order. */
    List<TableRow> rows() {
        List<TableRow> rows = new ArrayList<>(new CellTable(plan, targets).rows());
        rows.addAll(new LinedTable(plan, targets).rows());
        rows.sort(Comparator.comparingInt(TableRow::lineStart));
        rows.addAll(new AttributeRows(plan, targets).rows(rows));
        rows.sort(Comparator.comparingInt(TableRow::lineStart));
        return rows;
    }
}

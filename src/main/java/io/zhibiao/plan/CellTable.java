package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Indicator tables whose rows are lines of cells: separated by tabs (pasted from Excel or WPS, or a Word, HTML or pipe
 * table read into the plan's text) or aligned with runs of spaces (copied from a PDF), under a header row that names
 * the years ({@link TableColumns}). In an aligned table a row may leave its category empty — merged cells — and then has
 * one cell less: the category of the row above holds. A header of two rows (类别 / 指标 / 目标值 over 2025年 / 2030年)
 * reads the cells merged down from the first in the second.
 */
final class CellTable {

    private final PlanText plan;
    private final RowTarget targets;

    CellTable(PlanText plan, RowTarget targets) {
        this.plan = plan;
        this.targets = targets;
    }

    /** Every row of every such table, in text order. */
    List<TableRow> rows() {
        List<TableRow> rows = new ArrayList<>();
        String text = plan.rows();
        TableColumns header = null;
        RowNames names = new RowNames();
        int[] category = null;
        List<int[]> previous = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean tabbed = TableCells.hasTab(text, lineStart, lineEnd);
            List<int[]> cells = TableCells.of(text, lineStart, lineEnd);
            TableColumns read = cells.size() < 3 ? null : TableColumns.read(plan, cells);
            if (read == null && tabbed && previous != null && cells.size() >= 3) {
                // A header of two rows: the cells merged down from the first row are empty in the second, pasted or
                // read from Word; the first row's text stands in them.
                read = TableColumns.read(plan, underneath(previous, cells));
            }
            previous = tabbed ? cells : null;
            if (cells.size() < 3) {
                header = null; // a line of one or two cells ends the table
            } else if (read != null) {
                header = read;
                names = new RowNames();
                category = null;
            } else if (header != null) {
                if (!tabbed && header.category() >= 0 && cells.size() == header.columns() - 1) {
                    cells.add(header.category(), category == null ? new int[]{lineStart, lineStart} : category);
                }
                if (header.category() >= 0 && cells.size() > header.category()) {
                    int[] cell = cells.get(header.category());
                    if (tabbed && category != null && plan.normal(cell[0], cell[1]).isBlank()) {
                        cells.set(header.category(), category); // merged down: the category of the row above
                    } else {
                        category = cell;
                    }
                }
                if (cells.size() <= Math.max(header.base(), header.target())) {
                    lineStart = lineEnd + 1;
                    continue;
                }
                int[] nameCell = cells.get(header.name());
                String raw = plan.normal(nameCell[0], nameCell[1]);
                boolean indented = tabbed && !raw.isEmpty() && Character.isWhitespace(raw.charAt(0))
                        && !PipeRows.padded(plan.original(), nameCell[0]);
                RowNames.Named named = names.of(raw.strip(), indented);
                String unit = named.unit();
                if (unit == null && header.unit() >= 0 && header.unit() < cells.size()) {
                    int[] unitCell = cells.get(header.unit());
                    unit = RowTarget.unitCell(plan.normal(unitCell[0], unitCell[1]).strip());
                }
                targets.addRows(rows, header, cells, named.name(), unit, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return rows;
    }

    /** A row's cells, each empty one taking the cell above it (a header cell merged down over two rows). */
    private List<int[]> underneath(List<int[]> above, List<int[]> cells) {
        List<int[]> combined = new ArrayList<>(cells);
        for (int i = 0; i < combined.size() && i < above.size(); i++) {
            if (plan.normal(combined.get(i)[0], combined.get(i)[1]).isBlank()) {
                combined.set(i, above.get(i));
            }
        }
        return combined;
    }
}

package io.zhibiao.plan;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The money columns of a project list (民生实事项目清单: 序号 / 项目名称 / 建设内容 / 年度投资金额（万元） / 责任单位): each
 * project's amount is a target of its own, named after the project and the column ({@code 城北小学门前道路建设项目年度投资},
 * 300 万元), due in the plan year. The other cells — what each project builds — are read as sentences, as every row of
 * cells is. A header row names a project column and at least one amount column with its unit in brackets; each row
 * under it ({@link HeaderedRows}) gives one candidate per amount cell that holds a figure.
 */
final class ProjectTable {

    private static final Pattern PROJECT = Pattern.compile("(?:项目|事项|工程)(?:名称)?|名称");
    private static final Pattern AMOUNT = Pattern.compile("^(.*?(?:投资|资金|金额|经费|预算).*?)\\s*[(（]\\s*(万元|亿元|元)\\s*[)）]$");
    private static final Pattern NUMBERING = Pattern.compile("^\\d{1,3}\\s*[.、．]\\s*");
    /** How long a header cell can be: a header names its columns, it says nothing. */
    private static final int HEADER_CELL = 16;

    private final PlanText plan;
    private final String period;

    ProjectTable(PlanText plan, int year) {
        this.plan = plan;
        this.period = String.valueOf(year);
    }

    private record Amount(int column, String name, String unit) {
    }

    /** A project list's header: its project column and its amount columns. */
    private record Columns(int project, List<Amount> amounts) {
    }

    /** One candidate per amount cell of every project list, in text order. */
    List<Candidate> candidates() {
        List<Candidate> found = new ArrayList<>();
        for (HeaderedRows.Row<Columns> row : HeaderedRows.of(plan.rows(), this::header)) {
            int[] project = row.cell(row.header().project());
            for (Amount amount : row.header().amounts()) {
                int[] cell = row.cell(amount.column());
                Candidate c = project == null || cell == null || cell == project
                        ? null
                        : candidate(amount, project, cell, row.lineStart(), row.lineEnd());
                if (c != null) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private Columns header(List<int[]> cells) {
        int project = projectColumn(cells);
        List<Amount> amounts = project < 0 ? List.of() : amountColumns(cells);
        return amounts.isEmpty() ? null : new Columns(project, amounts);
    }

    private int projectColumn(List<int[]> cells) {
        if (cells.size() < 3) {
            return -1;
        }
        int project = -1;
        for (int k = 0; k < cells.size(); k++) {
            String cell = text(cells.get(k));
            if (cell.length() > HEADER_CELL) {
                return -1;
            }
            if (project < 0 && PROJECT.matcher(cell).find() && !AMOUNT.matcher(cell).matches()) {
                project = k;
            }
        }
        return project;
    }

    private List<Amount> amountColumns(List<int[]> cells) {
        List<Amount> amounts = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            Matcher m = AMOUNT.matcher(text(cells.get(k)));
            if (m.matches()) {
                amounts.add(new Amount(k, m.group(1).replace("金额", "").strip(), m.group(2)));
            }
        }
        return amounts;
    }

    private Candidate candidate(Amount amount, int[] projectCell, int[] amountCell, int lineStart, int lineEnd) {
        String name = NUMBERING.matcher(text(projectCell)).replaceFirst("");
        int[] figure = TableCells.trimmed(plan.rows(), amountCell[0], amountCell[1]);
        Matcher value = RowTarget.VALUE.matcher(text(amountCell));
        if (name.isEmpty() || !value.matches() || value.group("before") != null || value.group("percent") != null) {
            return null;
        }
        BigDecimal number = new BigDecimal(value.group("number"));
        if (number.signum() <= 0) {
            return null;
        }
        return new Candidate(name + amount.name(), number, amount.unit(), ValueType.DECIMAL, Direction.INCREASE, period,
                null, null, null, plan.original().substring(lineStart, lineEnd).replace('\t', ' ').strip(),
                plan.codePointOffset(figure[0]), plan.codePointOffset(figure[1]),
                BigDecimal.valueOf(0.85).setScale(2, RoundingMode.HALF_UP),
                "a project's amount in a project list (" + amount.name() + ")", List.of(), null);
    }

    private String text(int[] cell) {
        return plan.normal(cell[0], cell[1]).strip().replaceAll("\\s+", " ");
    }
}

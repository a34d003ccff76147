package io.zhibiao.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A report as the template shows it: every figure already written as text (the template only lays out), each chart as
 * a PNG data URI. Built from {@link ReportData}; the HTML and the PDF are the same page.
 */
public record ReportPage(String title, String unitName, String period, String asOf, long asOfVersion,
        String dataStatusText, boolean unapproved, String generatedAt, List<Count> counts, List<Row> targets,
        List<Chart> charts, List<Child> children, List<Failure> failures, List<Ranking> rankings) {

    public record Count(String status, long count) {
    }

    public record Row(String indicator, String target, String actual, String gap, String attainment, String yoy,
            String forecast, String status, String statusCode, String leadUnit, String progress, String problems,
            String nextSteps) {
    }

    public record Chart(String title, String image) {
    }

    public record Child(String name, int expected, int filled, int late, int missing, String completeness,
            String timeliness, String submission) {
    }

    public record Failure(String unit, String rule, String severity, String left, String right, String message) {
    }

    public record Ranking(String indicator, List<Ranked> items) {
    }

    public record Ranked(String rank, String name, String value) {
    }

    static final Map<String, String> SUBMISSIONS = Map.of("OPEN", "未上报", "SUBMITTED", "待审核", "APPROVED", "已通过",
            "RETURNED", "已退回");

    static ReportPage of(ReportData d, java.util.function.Function<ReportData.Trajectory, String> chartImage) {
        return new ReportPage(d.title(), d.unitName(), d.period(), d.asOf(), d.asOfVersion(),
                "approved".equals(d.dataStatus()) ? "仅已审核数据" : "全部数据（含未审核）", d.unapproved(), d.generatedAt(),
                d.statusCounts().entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(),
                d.targets().stream().map(ReportPage::row).toList(),
                d.charts().stream().map(c -> new Chart(c.title(), chartImage.apply(c))).toList(),
                d.children().stream()
                        .map(c -> new Child(c.name(), c.expected(), c.filled(), c.late(), c.missing(),
                                percent(c.completeness()), percent(c.timeliness()),
                                SUBMISSIONS.getOrDefault(c.submission(), c.submission())))
                        .toList(),
                d.failures().stream().map(f -> new Failure(f.unitName(), f.rule(),
                        "BLOCK".equals(f.severity()) ? "阻止" : "提醒", number(f
                                .left()),
                        number(f.right()), f.message() == null ? "" : f.message())).toList(),
                d.rankings().stream()
                        .map(r -> new Ranking(r.indicator(),
                                r.items().stream()
                                        .map(i -> new Ranked(i.rank() == null ? "—" : String.valueOf(i.rank()),
                                                i.name(), withUnit(i.value(), r.unit())))
                                        .toList()))
                        .toList());
    }

    private static Row row(ReportData.TargetRow t) {
        String yoy = t.yoyDelta() == null
                ? "—"
                : (t.yoyDelta().signum() > 0 ? "+" : "") + number(t.yoyDelta())
                        + ("pp".equals(t.yoyUnit()) ? "个百分点" : t.yoyUnit() == null ? "" : t.yoyUnit());
        return new Row(t.indicator(), withUnit(t.target(), t.unit()), withUnit(t.actual(), t.unit()),
                gap(t.gap(), t.unit()), percent(t.attainment()), yoy, withUnit(t.forecast(), t.unit()), t.statusName(),
                t.status(), orDash(t.leadUnit()), orEmpty(t.progress()), orEmpty(t.problems()), orEmpty(t.nextSteps()));
    }

    /** A figure as the API states it, without trailing zeros: 72.80 → 72.8. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal shown = value.scale() > 4 ? value.setScale(4, RoundingMode.HALF_UP) : value;
        return shown.stripTrailingZeros().toPlainString();
    }

    static String withUnit(BigDecimal value, String unit) {
        return value == null ? "—" : number(value) + (unit == null ? "" : unit);
    }

    /** A gap of a percentage is in percentage points. */
    static String gap(BigDecimal value, String unit) {
        return value == null ? "—" : number(value) + ("%".equals(unit) ? "个百分点" : unit == null ? "" : unit);
    }

    /** A fraction as a percentage: 0.9668 → 96.68%. */
    static String percent(BigDecimal fraction) {
        return fraction == null
                ? "—"
                : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                        + "%";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

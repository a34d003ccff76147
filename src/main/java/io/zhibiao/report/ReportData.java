package io.zhibiao.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a report says, read at one data version: what the PDF, the workbook and the HTML page each lay out in
 * their own way. Plain values, no entities.
 */
public record ReportData(String title, String unitName, String unitCode, String period, String asOf, long asOfVersion,
        String dataStatus, boolean unapproved, String generatedAt, Map<String, Long> statusCounts,
        List<TargetRow> targets, List<Trajectory> charts, List<ChildRow> children, List<Failure> failures,
        List<RankingTable> rankings) {

    /** One target: its figures at the report's month, who answers for it and what they said. */
    public record TargetRow(long targetId, String indicator, String unit, String period, BigDecimal target,
            BigDecimal actual, BigDecimal gap, BigDecimal attainment, BigDecimal yoyDelta, String yoyUnit,
            BigDecimal forecast, String status, String statusName, String leadUnit, String progress, String problems,
            String nextSteps) {
    }

    /** The months of an off-track target: actual, the expected trajectory, last year. */
    public record Trajectory(long targetId, String title, String unit, List<Point> points) {
    }

    public record Point(String month, BigDecimal actual, BigDecimal expected, BigDecimal lastYear) {
    }

    /** How far a child (with its subtree) has reported the period. */
    public record ChildRow(String name, String code, int expected, int filled, int late, int missing,
            BigDecimal completeness, BigDecimal timeliness, String submission) {
    }

    /** An open validation failure. */
    public record Failure(String unitName, String rule, String severity, BigDecimal left, BigDecimal right,
            String message) {
    }

    /** The children ranked on one of the unit's rate indicators. */
    public record RankingTable(String indicator, String unit, List<Ranked> items) {
    }

    public record Ranked(Integer rank, String name, BigDecimal value) {
    }
}

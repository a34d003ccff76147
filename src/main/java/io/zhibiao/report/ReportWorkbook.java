package io.zhibiao.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a workbook (design §8): one sheet per section, every figure a numeric cell (a fraction with a
 * percentage format, so 完成率 sums and sorts), and a native Excel line chart for each off-track target.
 */
final class ReportWorkbook {

    private ReportWorkbook() {
    }

    static byte[] write(ReportData d) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            XSSFSheet summary = book.createSheet("概览");
            int r = 0;
            text(summary, r++, styles.title, d.title());
            text(summary, r++, null, "统计截至 " + d.asOf() + " · 数据版本 " + d.asOfVersion() + " · 生成于 " + d.generatedAt());
            text(summary, r++, null, "approved".equals(d.dataStatus()) ? "仅已审核数据" : "全部数据（含未审核）");
            if (d.unapproved()) {
                text(summary, r++, styles.warning, "未审核：本报告含未经审核的数据");
            }
            r++;
            header(summary.createRow(r++), styles, "状态", "目标数");
            for (Map.Entry<String, Long> e : d.statusCounts().entrySet()) {
                Row row = summary.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(e.getValue());
            }
            summary.setColumnWidth(0, 40 * 256);

            XSSFSheet targets = book.createSheet("目标");
            header(targets.createRow(0), styles, "指标", "单位", "期间", "目标", "实际", "差距", "完成率", "同比", "预测", "状态", "责任单位",
                    "进展情况", "存在问题", "下步措施");
            r = 1;
            for (ReportData.TargetRow t : d.targets()) {
                Row row = targets.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(t.indicator());
                row.createCell(c++).setCellValue(t.unit() == null ? "" : t.unit());
                row.createCell(c++).setCellValue(t.period());
                number(row, c++, t.target(), null);
                number(row, c++, t.actual(), null);
                number(row, c++, t.gap(), null);
                number(row, c++, t.attainment(), styles.percent);
                number(row, c++, t.yoyDelta(), null);
                number(row, c++, t.forecast(), null);
                row.createCell(c++).setCellValue(t.statusName());
                row.createCell(c++).setCellValue(t.leadUnit() == null ? "" : t.leadUnit());
                row.createCell(c++).setCellValue(t.progress() == null ? "" : t.progress());
                row.createCell(c++).setCellValue(t.problems() == null ? "" : t.problems());
                row.createCell(c).setCellValue(t.nextSteps() == null ? "" : t.nextSteps());
            }
            targets.setColumnWidth(0, 24 * 256);
            targets.createFreezePane(1, 1);

            XSSFSheet charts = book.createSheet("落后目标走势");
            r = 0;
            for (ReportData.Trajectory t : d.charts()) {
                r = chart(charts, styles, r, t);
            }
            if (d.charts().isEmpty()) {
                text(charts, 0, null, "本期没有落后、有风险或未完成的目标。");
            }

            XSSFSheet children = book.createSheet("下级报送");
            header(children.createRow(0), styles, "单位", "应报", "已报", "逾期补报", "逾期未报", "完整率", "及时率", "上报状态");
            r = 1;
            for (ReportData.ChildRow c : d.children()) {
                Row row = children.createRow(r++);
                row.createCell(0).setCellValue(c.name());
                row.createCell(1).setCellValue(c.expected());
                row.createCell(2).setCellValue(c.filled());
                row.createCell(3).setCellValue(c.late());
                row.createCell(4).setCellValue(c.missing());
                number(row, 5, c.completeness(), styles.percent);
                number(row, 6, c.timeliness(), styles.percent);
                row.createCell(7).setCellValue(ReportPage.SUBMISSIONS.getOrDefault(c.submission(), c.submission()));
            }
            children.setColumnWidth(0, 24 * 256);

            XSSFSheet failures = book.createSheet("未通过校验");
            header(failures.createRow(0), styles, "单位", "规则", "级别", "左边", "右边", "说明");
            r = 1;
            for (ReportData.Failure f : d.failures()) {
                Row row = failures.createRow(r++);
                row.createCell(0).setCellValue(f.unitName());
                row.createCell(1).setCellValue(f.rule());
                row.createCell(2).setCellValue("BLOCK".equals(f.severity()) ? "阻止" : "提醒");
                number(row, 3, f.left(), null);
                number(row, 4, f.right(), null);
                row.createCell(5).setCellValue(f.message() == null ? "" : f.message());
            }

            XSSFSheet ranking = book.createSheet("下级排名");
            r = 0;
            for (ReportData.RankingTable t : d.rankings()) {
                text(ranking, r++, styles.bold, t.indicator());
                header(ranking.createRow(r++), styles, "名次", "单位", "数值");
                for (ReportData.Ranked i : t.items()) {
                    Row row = ranking.createRow(r++);
                    if (i.rank() != null) {
                        row.createCell(0).setCellValue(i.rank());
                    }
                    row.createCell(1).setCellValue(i.name());
                    number(row, 2, i.value(), null);
                }
                r++;
            }
            ranking.setColumnWidth(1, 24 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The months as a small table, and a line chart drawn by Excel from those cells. */
    private static int chart(XSSFSheet sheet, Styles styles, int first, ReportData.Trajectory t) {
        text(sheet, first, styles.bold, t.title());
        header(sheet.createRow(first + 1), styles, "月份", "实际", "应达", "去年同期");
        List<ReportData.Point> points = t.points();
        int r = first + 2;
        for (ReportData.Point p : points) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(p.month());
            number(row, 1, p.actual(), null);
            number(row, 2, p.expected(), null);
            number(row, 3, p.lastYear(), null);
        }
        int last = r - 1;
        if (!points.isEmpty()) {
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, first, 15, first + 18);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setTitleText(t.title());
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFDataSource<String> x = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                    new CellRangeAddress(first + 2, last, 0, 0));
            XDDFChartData data = chart.createData(ChartTypes.LINE, months, values);
            String[] names = {"实际", "应达", "去年同期"};
            for (int c = 1; c <= 3; c++) {
                XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                        new CellRangeAddress(first + 2, last, c, c));
                data.addSeries(x, y).setTitle(names[c - 1], null);
            }
            chart.plot(data);
        }
        return Math.max(last, first + 18) + 2;
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void text(XSSFSheet sheet, int row, CellStyle style, String text) {
        Cell cell = sheet.createRow(row).createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void header(Row row, Styles styles, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.bold);
        }
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle bold;
        final CellStyle warning;
        final CellStyle percent;

        Styles(XSSFWorkbook book) {
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            Font b = book.createFont();
            b.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(b);
            Font red = book.createFont();
            red.setBold(true);
            red.setColor(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            warning = book.createCellStyle();
            warning.setFont(red);
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
        }
    }
}

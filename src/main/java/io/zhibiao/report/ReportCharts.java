package io.zhibiao.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The chart of an off-track target (design §8): actual, the expected trajectory and last year, month by month, drawn
 * by JFreeChart in the report's own font. The same figures always give the same image.
 */
final class ReportCharts {

    /** 720 × 288 px: sharp at the A4 table's width (about 130 dpi), a quarter of the memory of a 1440 px image. */
    static final int WIDTH = 720;
    static final int HEIGHT = 288;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    static byte[] png(ReportData.Trajectory t) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportData.Point p : t.points()) {
            data.addValue(p.actual(), "实际", p.month());
            data.addValue(p.expected(), "应达", p.month());
            data.addValue(p.lastYear(), "去年同期", p.month());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, t.unit(), data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(ReportFont.awt(14f));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getDomainAxis().setTickLabelFont(ReportFont.awt(12f));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getRangeAxis().setTickLabelFont(ReportFont.awt(12f));
        plot.getRangeAxis().setLabelFont(ReportFont.awt(13f));
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, new Color(0xC0392B));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(1, new Color(0x2E86C1));
        renderer.setSeriesStroke(1,
                new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        renderer.setSeriesPaint(2, new Color(0x7F8C8D));
        renderer.setSeriesStroke(2,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{2f, 3f}, 0f));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // Opaque RGB, not ARGB: a quarter less to draw, encode and decode again in the PDF.
            ChartUtils.writeBufferedImageAsPNG(out,
                    chart.createBufferedImage(WIDTH, HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String dataUri(ReportData.Trajectory t) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(t));
    }
}

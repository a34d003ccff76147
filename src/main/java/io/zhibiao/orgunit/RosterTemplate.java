package io.zhibiao.orgunit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The roster template: the columns with their Chinese titles, and a sheet that explains them. */
final class RosterTemplate {

    private static final List<String[]> HELP = List.of(new String[]{"列", "说明"},
            new String[]{"单位代码", "必填。字母、数字、点、下划线或短横线，最长 64 位；一经导入不再改变（可用学校标识码）。"}, new String[]{"单位名称", "必填，最长 200 字。"},
            new String[]{"类型", "必填：省、市州、县、区、学区（乡镇中心学校）、学校、幼儿园、教学点；也可写 SCHOOL 等代码。"},
            new String[]{"上级代码", "上级单位的代码：已有单位，或本表中任一行（先后不限）。"}, new String[]{"上级名称", "没有上级代码时按名称找上级；名称须唯一。"},
            new String[]{"开办年月", "可空，如 2019-09：此前不要求填报。"}, new String[]{"撤并年月", "可空，如 2026-07：此后不再要求填报，历史数据保留。"},
            new String[]{"", "其他列（地址、校长等）导入时忽略。先“试导入”查看每一行的结果，再正式导入。"});

    private RosterTemplate() {
    }

    static void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Zhibiao", "1.0");
        Worksheet sheet = workbook.newWorksheet("学校名录");
        int[] widths = {22, 28, 12, 22, 22, 12, 12};
        for (int c = 0; c < RosterColumn.TEMPLATE_TITLES.size(); c++) {
            sheet.value(0, c, RosterColumn.TEMPLATE_TITLES.get(c));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, widths[c]);
            // Months stay text: Excel would turn 2019-09 into a date (the import reads dates as months anyway).
            sheet.range(1, c, 5000, c).style().format("@").set();
        }
        sheet.freezePane(0, 1);
        Worksheet help = workbook.newWorksheet("填写说明");
        help.width(0, 14);
        help.width(1, 90);
        for (int r = 0; r < HELP.size(); r++) {
            help.value(r, 0, HELP.get(r)[0]);
            help.value(r, 1, HELP.get(r)[1]);
        }
        help.style(0, 0).bold().set();
        help.style(0, 1).bold().set();
        workbook.finish();
    }
}

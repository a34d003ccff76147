package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A task table's progress columns, named by its header; rows with merged first cells count from the right. */
class ProgressColumnsTest {

    @Test
    void theCellsUnderAProgressHeaderAreReported() {
        String text = "类别\t事项\t年度目标\t责任单位\t1-9月完成情况\t取得成效\n" + "教育\t新建幼儿园\t新建3所\t教育局\t已开工2所\t新增学位180个\n"
                + "新建食堂\t改造12所\t教育局\t完成5所\t新增餐位600个\t \n" + "全年目标任务如下。\n" + "城建\t道路\t新修5公里\t住建局\t完成2公里\t良好\n";
        assertThat(texts(text)).containsExactly("已开工2所", "新增学位180个", "完成5所", "新增餐位600个");
    }

    @Test
    void aTableWithoutSuchAHeaderHasNone() {
        String text = "序号\t重点工作\t目标任务\t完成时限\n1\t学位建设\t新增学位900个\t2026年8月\n";
        assertThat(ProgressColumns.cells(text)).isEmpty();
        String saying = "今年的进展\t情况都记在下表里，按月更新，不再一一说明\t备注\n1\t新增学位900个\t无\n";
        assertThat(ProgressColumns.cells(saying)).isEmpty(); // a long cell: no header
    }

    private static List<String> texts(String text) {
        return ProgressColumns.cells(text).stream().map(c -> text.substring(c[0], c[1])).toList();
    }
}

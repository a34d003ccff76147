package io.zhibiao.orgunit;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a roster file: each has its field name and the Chinese titles a 学校名录 uses for it. Columns with
 * other titles (地址, 校长, 电话 …) are left alone, so a roster exported from another system imports as it is.
 */
enum RosterColumn {

    CODE("code", "代码", "单位代码", "机构代码", "学校代码", "学校标识码"), NAME("name", "名称", "单位名称", "学校名称", "机构名称"), TYPE("type", "类型",
            "单位类型", "机构类型"), PARENT_CODE("parentCode", "上级代码", "上级单位代码"), PARENT_NAME("parentName", "上级名称", "上级单位",
                    "上级单位名称"), OPENED_AT("openedAt", "开办年月", "启用年月"), CLOSED_AT("closedAt", "撤并年月", "停办年月", "关闭年月");

    /** The columns as the shared table reader takes them. */
    static final List<io.zhibiao.common.ColumnTable.Column> COLUMNS = Arrays.stream(values())
            .map(c -> new io.zhibiao.common.ColumnTable.Column(c.field, c.isMonth(), c.titles)).toList();

    /** The template's header, in this order. */
    static final List<String> TEMPLATE_TITLES = List.of("单位代码", "单位名称", "类型", "上级代码", "上级名称", "开办年月", "撤并年月");

    final String field;
    private final List<String> titles;

    RosterColumn(String field, String... titles) {
        this.field = field;
        this.titles = List.of(titles);
    }

    boolean isMonth() {
        return this == OPENED_AT || this == CLOSED_AT;
    }
}

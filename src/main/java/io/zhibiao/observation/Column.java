package io.zhibiao.observation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of a CSV or XLSX import, in the order of {@link ObservationInput}: each is found by
 * its API name or by the Chinese title of the Excel template, which is written from these same
 * titles.
 */
enum Column {

    INDICATOR_CODE("indicatorCode", "指标代码", true), ORG_UNIT_CODE("orgUnitCode", "单位代码", true), PERIOD("period", "期间",
            true), VALUE("value", "数值", true), STATUS("status", "状态", false), COMMENT("comment", "备注", false);

    static final String INDICATOR_NAME = "指标名称";
    static final String UNIT = "计量单位";
    static final String ORG_UNIT_NAME = "单位名称";

    /** Template columns that inform the clerk and are ignored on upload. */
    static final Set<String> INFORMATIONAL = Set.of(INDICATOR_NAME, UNIT, ORG_UNIT_NAME);

    /** The template's header: the informational columns beside the codes they explain. */
    static final List<String> TEMPLATE_TITLES = List.of(INDICATOR_CODE.title, INDICATOR_NAME, UNIT, ORG_UNIT_CODE.title,
            PERIOD.title, VALUE.title, STATUS.title, COMMENT.title);

    /** The header a file should have, for messages. */
    static final String HEADER = Arrays.stream(values()).map(c -> c.field).collect(Collectors.joining(","));

    private static final Map<String, Column> BY_TITLE = Arrays.stream(values())
            .flatMap(c -> Stream.of(Map.entry(c.field.toLowerCase(Locale.ROOT), c), Map.entry(c.title, c)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    static final List<Column> REQUIRED = Arrays.stream(values()).filter(c -> c.required).toList();

    final String field;
    final String title;
    final boolean required;

    Column(String field, String title, boolean required) {
        this.field = field;
        this.title = title;
        this.required = required;
    }

    /** The column a header cell names (case-insensitive API name or Chinese title). */
    static Optional<Column> byTitle(String title) {
        return Optional.ofNullable(BY_TITLE.get(title.toLowerCase(Locale.ROOT)));
    }
}

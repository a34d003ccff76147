package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a table line's cells are: between tabs, or between runs of spaces; offsets into the whole text. */
class TableCellsTest {

    @Test
    void tabsSeparateCellsEmptyOnesIncludedAndACarriageReturnIsNotText() {
        String text = "指标\t2025年\t\t2027年\r\n";
        assertThat(texts(text, 0, text.indexOf('\n'))).containsExactly("指标", "2025年", "", "2027年");
        assertThat(TableCells.hasTab(text, 0, text.length())).isTrue();
    }

    @Test
    void runsOfTwoOrMoreSpacesSeparateAlignedCellsButNotOneSpaceOrTheIndentation() {
        String text = "前言\n   学前教育毛入园率   95.2   98 以上\n";
        int start = text.indexOf('\n') + 1;
        assertThat(texts(text, start, text.length() - 1)).containsExactly("学前教育毛入园率", "95.2", "98 以上");
        assertThat(TableCells.hasTab(text, start, text.length())).isFalse();
    }

    @Test
    void aLineWithoutSeparatorsIsOneCell() {
        String text = "新增学位900个。";
        assertThat(texts(text, 0, text.length())).containsExactly(text);
    }

    @Test
    void trimmedLeavesOutTheWhiteSpaceAround() {
        String text = "  学位 \t";
        int[] span = TableCells.trimmed(text, 0, text.length());
        assertThat(text.substring(span[0], span[1])).isEqualTo("学位");
    }

    private static List<String> texts(String text, int start, int end) {
        return TableCells.of(text, start, end).stream().map(c -> text.substring(c[0], c[1])).toList();
    }
}

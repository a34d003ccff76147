package io.zhibiao.common;

/** The text of one cell of an imported table (CSV or XLSX), or why it cannot be used. */
public record SheetCell(String text, String problem) {

    public static final SheetCell EMPTY = new SheetCell(null, null);
}

package io.zhibiao.orgunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhibiao.common.ColumnTable;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.TextRule;
import io.zhibiao.common.Texts;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.XlsxSheet;
import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a roster file — JSON {@code {"orgUnits": [...]}}, CSV or the first sheet of an XLSX workbook — into rows of
 * text, at most {@code maxRows} of them (a file with more is a 400 as soon as the row beyond is read). File-level
 * problems (not a table, no code/name/type column, a cell beyond the limit) are 400s; cell-level ones stay with the row.
 */
final class RosterRows {

    static final String XLSX = XlsxSheet.XLSX;
    private static final Set<String> JSON_FIELDS = Set.of("code", "name", "type", "parentCode", "parentName",
            "openedAt", "closedAt");

    private RosterRows() {
    }

    static List<RosterRow> read(String contentType, Path body, ObjectMapper mapper, Imports limits, int maxRows) {
        if (contentType.startsWith("text/csv") || contentType.startsWith(XLSX)) {
            String tooMany = "a roster holds at most " + maxRows + " rows; split the file (by county, for example)";
            var layout = new ColumnTable.Layout(RosterColumn.COLUMNS, List.of("code", "name", "type"),
                    String.join(",", RosterColumn.TEMPLATE_TITLES)
                            + " (or code,name,type,parentCode,parentName,openedAt,closedAt)",
                    maxRows, tooMany);
            return ColumnTable.read(contentType, body, layout, limits).stream()
                    .map(r -> new RosterRow(r.index(), r.cells().get("code"), r.cells().get("name"),
                            r.cells().get("type"), r.cells().get("parentCode"), r.cells().get("parentName"),
                            r.cells().get("openedAt"), r.cells().get("closedAt"), r.unreadable()))
                    .toList();
        }
        try (InputStream in = Files.newInputStream(body)) {
            return json(mapper, in, maxRows);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    private static List<RosterRow> json(ObjectMapper mapper, InputStream in, int maxRows) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ValidationFailed(null, "the body is not valid JSON: " + Texts.firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("orgUnits").isArray()) {
            throw new ValidationFailed("orgUnits", "expected {\"orgUnits\": [{\"code\", \"name\", \"type\", "
                    + "\"parentCode\" or \"parentName\", \"openedAt\", \"closedAt\"}, ...]}");
        }
        List<RosterRow> read = new ArrayList<>();
        long index = 0;
        for (JsonNode node : root.get("orgUnits")) {
            long i = index++;
            if (!node.isObject()) {
                add(read, new RosterRow(i, null, null, null, null, null, null, null,
                        new FieldError(null, "each row must be an object")), maxRows);
                continue;
            }
            FieldError unreadable = null;
            for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext();) {
                Map.Entry<String, JsonNode> field = f.next();
                if (!JSON_FIELDS.contains(field.getKey())) {
                    unreadable = new FieldError(field.getKey(), "unknown field; a row has " + JSON_FIELDS);
                } else if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                    unreadable = new FieldError(field.getKey(), "must be a string");
                }
            }
            add(read,
                    new RosterRow(i, text(node, "code"), text(node, "name"), text(node, "type"),
                            text(node, "parentCode"), text(node, "parentName"), text(node, "openedAt"),
                            text(node, "closedAt"), unreadable),
                    maxRows);
        }
        return read;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : Texts.trimToNull(value.asText());
    }

    private static void add(List<RosterRow> rows, RosterRow row, int maxRows) {
        if (rows.size() == maxRows) {
            throw new ValidationFailed(null,
                    "a roster holds at most " + maxRows + " rows; split the file (by county, for example)");
        }
        rows.add(withUsableText(row));
    }

    /** NUL bytes, control and bidi characters in any cell make the row unreadable (the rule of every text field). */
    private static RosterRow withUsableText(RosterRow row) {
        if (row.unreadable() != null) {
            return row;
        }
        String[][] cells = {{"code", row.code()}, {"name", row.name()}, {"type", row.type()},
                {"parentCode", row.parentCode()}, {"parentName", row.parentName()}, {"openedAt", row.openedAt()},
                {"closedAt", row.closedAt()}};
        for (String[] cell : cells) {
            var violation = TextRule.violation(cell[1]);
            if (violation.isPresent()) {
                return new RosterRow(row.index(), row.code(), row.name(), row.type(), row.parentCode(),
                        row.parentName(), row.openedAt(), row.closedAt(), new FieldError(cell[0], violation.get()));
            }
        }
        return row;
    }
}

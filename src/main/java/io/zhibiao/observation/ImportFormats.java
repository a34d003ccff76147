package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.ValidationFailed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** Streaming readers for the three import formats; file-level problems are 400s, cell-level ones row conflicts. */
public final class ImportFormats {

    /** Column titles accepted in CSV and XLSX headers: the API names and the template's Chinese titles. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("indicatorcode", "indicatorCode"), Map.entry("指标代码", "indicatorCode"),
            Map.entry("orgunitcode", "orgUnitCode"), Map.entry("单位代码", "orgUnitCode"),
            Map.entry("period", "period"), Map.entry("期间", "period"),
            Map.entry("value", "value"), Map.entry("数值", "value"),
            Map.entry("status", "status"), Map.entry("状态", "status"),
            Map.entry("comment", "comment"), Map.entry("备注", "comment"));
    /** Template columns that inform the clerk and are ignored on upload. */
    static final Set<String> INFORMATIONAL = Set.of("指标名称", "计量单位", "单位名称");
    static final List<String> REQUIRED = List.of("indicatorCode", "orgUnitCode", "period", "value");
    /** The fields of a row, in the order of {@link ObservationInput}. */
    static final List<String> FIELDS = List.of("indicatorCode", "orgUnitCode", "period", "value", "status", "comment");

    private ImportFormats() {
    }

    /** The reader for a content type; a file that cannot even be opened is a 400 (see UncheckedImport). */
    public static RowSource open(String contentType, InputStream body, ObjectMapper mapper) {
        try {
            if (contentType.startsWith("text/csv")) {
                return csv(body);
            }
            return contentType.startsWith("application/vnd.openxmlformats") ? xlsx(body) : json(body, mapper);
        } catch (IOException e) {
            throw new UncheckedImport(e);
        }
    }

    // ---- JSON: {"observations": [ {...}, ... ]}

    public static RowSource json(InputStream body, ObjectMapper mapper) throws IOException {
        JsonParser parser = mapper.createParser(body);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ValidationFailed(null, "the body must be a JSON object {\"observations\": [...]}");
        }
        JsonToken token = parser.nextToken();
        if (token != JsonToken.FIELD_NAME || !"observations".equals(parser.currentName())) {
            throw new ValidationFailed(parser.currentName(), "expected the field \"observations\" holding an array");
        }
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new ValidationFailed("observations", "must be an array");
        }
        return new RowSource() {
            private long index;
            private JsonNode next = advance();

            private JsonNode advance() {
                try {
                    JsonToken t = parser.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        JsonToken after = parser.nextToken();
                        if (after != JsonToken.END_OBJECT) {
                            throw new ValidationFailed(parser.currentName(), "only \"observations\" may stand in the body");
                        }
                        return null;
                    }
                    return mapper.readTree(parser);
                } catch (IOException e) {
                    throw new UncheckedImport(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ParsedRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                JsonNode node = next;
                long i = index++;
                next = advance();
                try {
                    return ParsedRow.of(i, mapper.treeToValue(node, ObservationInput.class));
                } catch (IOException e) {
                    String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                            ? m.getPath().get(0).getFieldName() : null;
                    return new ParsedRow(i, null, new FieldError(field, "cannot be read: " + firstLine(e.getMessage())), false);
                }
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }

    // ---- CSV: UTF-8 (BOM optional), header row

    public static RowSource csv(InputStream body) throws IOException {
        Reader reader = strictUtf8(skipBom(body));
        CsvMapper mapper = new CsvMapper();
        MappingIterator<List<String>> lines = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvSchema.emptySchema()).readValues(reader);
        if (!hasNext(lines)) {
            throw new ValidationFailed(null, "the file is empty; expected a header row indicatorCode,orgUnitCode,period,value,status,comment");
        }
        Map<String, Integer> columns = header(next(lines));
        Iterator<List<String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ImportFormats.hasNext(lines);
            }

            @Override
            public List<String> next() {
                return ImportFormats.next(lines);
            }
        };
        return fromCells(rows, columns, lines::close, (line, column) -> {
            Integer i = columns.get(column);
            return i == null || i >= line.size() ? new CellText(null, null) : new CellText(line.get(i), null);
        });
    }

    // ---- XLSX: first sheet, header row; formulas and dates are refused cell by cell

    public static RowSource xlsx(InputStream body) throws IOException {
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(body, new ReadingOptions(true, false));
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new ValidationFailed(null, "the body is not an XLSX workbook (" + firstLine(e.getMessage()) + ")");
        }
        Iterator<Row> sheet = stream.iterator();
        if (!sheet.hasNext()) {
            throw new ValidationFailed(null, "the first sheet is empty; expected a header row");
        }
        Row headerRow = sheet.next();
        List<String> titles = new ArrayList<>();
        for (int c = 0; c < headerRow.getCellCount(); c++) {
            Cell cell = headerRow.getCell(c);
            titles.add(cell == null ? "" : cell.getText());
        }
        Map<String, Integer> columns = header(titles);
        Iterator<Row> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sheet.hasNext();
            }

            @Override
            public Row next() {
                return sheet.next();
            }
        };
        return fromCells(rows, columns, () -> {
            stream.close();
            workbook.close();
        }, (row, column) -> {
            Integer i = columns.get(column);
            Cell cell = i == null || i >= row.getCellCount() ? null : row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return new CellText(null, null);
            }
            if (cell.getType() == CellType.FORMULA) {
                return new CellText(null, "holds a formula (" + cell.getFormula() + "); paste the value instead");
            }
            if (cell.getType() == CellType.ERROR) {
                return new CellText(null, "holds an Excel error " + cell.getRawValue());
            }
            if (cell.getType() == CellType.NUMBER && "value".equals(column) && isDateFormat(cell)) {
                return new CellText(null, "holds a date; a figure is expected");
            }
            return new CellText(cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText(), null);
        });
    }

    private static boolean isDateFormat(Cell cell) {
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return f.contains("y") || f.contains("d") || (f.contains("m") && (f.contains("h") || f.contains("s")));
    }

    // ---- shared

    /** The text of one cell, or why it cannot be used. */
    record CellText(String text, String problem) {
    }

    interface CellReader<R> {
        CellText read(R row, String column);
    }

    interface Closer {
        void close() throws IOException;
    }

    private static <R> RowSource fromCells(Iterator<R> rows, Map<String, Integer> columns, Closer closer, CellReader<R> cells) {
        return new RowSource() {
            private long index;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ParsedRow next() {
                R row = rows.next();
                long i = index++;
                // Cells in FIELDS order; an array rather than a map, as this runs for every row of a file.
                String[] text = new String[FIELDS.size()];
                boolean blank = true;
                for (int f = 0; f < text.length; f++) {
                    CellText cell = cells.read(row, FIELDS.get(f));
                    if (cell.problem() != null) {
                        return new ParsedRow(i, null, new FieldError(FIELDS.get(f), cell.problem()), false);
                    }
                    text[f] = cell.text() == null || cell.text().isBlank() ? null : cell.text().strip();
                    blank &= text[f] == null;
                }
                String valueText = text[3];
                String statusText = text[4];
                if (blank || valueText == null) {
                    // An empty line, or an untouched template row: nothing to write.
                    return new ParsedRow(i, null, null, true);
                }
                BigDecimal value;
                try {
                    value = new BigDecimal(valueText);
                } catch (NumberFormatException e) {
                    return new ParsedRow(i, null, new FieldError("value", "'" + valueText + "' is not a number"), false);
                }
                ObservationStatus status;
                try {
                    status = statusText == null ? null : ObservationStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return new ParsedRow(i, null, new FieldError("status", "'" + statusText + "' is not FINAL or PROVISIONAL"), false);
                }
                return ParsedRow.of(i, new ObservationInput(text[0], text[1], text[2], value, status, text[5]));
            }

            @Override
            public void close() throws IOException {
                closer.close();
            }
        };
    }

    private static Map<String, Integer> header(List<String> titles) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i) == null ? "" : titles.get(i).strip();
            if (title.isEmpty() || INFORMATIONAL.contains(title)) {
                continue;
            }
            String column = COLUMNS.get(title.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new ValidationFailed(null, "unknown column '" + title + "'; the header is indicatorCode,orgUnitCode,period,value,status,comment");
            }
            if (columns.put(column, i) != null) {
                throw new ValidationFailed(null, "column '" + column + "' appears twice in the header");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationFailed(null, "the header lacks " + String.join(", ", missing)
                    + "; expected indicatorCode,orgUnitCode,period,value[,status][,comment]");
        }
        return columns;
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static boolean hasNext(MappingIterator<?> lines) {
        try {
            return lines.hasNextValue();
        } catch (IOException e) {
            throw new UncheckedImport(e);
        }
    }

    private static <T> T next(MappingIterator<T> lines) {
        try {
            return lines.nextValue();
        } catch (IOException e) {
            throw new UncheckedImport(e);
        }
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A file that broke off mid-way (bad encoding, malformed JSON or CSV): the whole request is a 400. */
    public static final class UncheckedImport extends RuntimeException {
        public UncheckedImport(IOException cause) {
            super(cause);
        }
    }
}

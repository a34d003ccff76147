package io.zhibiao.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.zhibiao.common.ZhibiaoConfig.Imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The lines of a CSV file as lists of cell texts: UTF-8 (a BOM, as Excel writes it, is skipped). Lines are read token
 * by token, so that neither a huge cell nor a line of a million commas is ever held whole: both make the file a 400 as
 * soon as they pass the limits. The figure import and the roster import read their CSV files through it.
 */
public final class CsvLines implements Iterator<List<String>>, Closeable {

    private final CsvParser parser;
    private final int maxColumns;
    private final int maxCellChars;
    private List<String> next;
    private long line;

    private CsvLines(CsvParser parser, Imports limits) {
        this.parser = parser;
        this.maxColumns = limits.maxColumns();
        this.maxCellChars = limits.maxCellChars();
    }

    public static CsvLines open(InputStream body, Imports limits) throws IOException {
        // Jackson stops a string once it passes the limit instead of growing its buffer to the whole field.
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxCellChars()).build())
                .build();
        CsvParser parser = factory.createParser(new InputStreamReader(skipBom(body), Texts.strictUtf8()));
        // Without a schema every line is an array of strings.
        parser.setSchema(CsvSchema.emptySchema());
        return new CsvLines(parser, limits);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A line with text past the header's columns: most often a number or comment with an unquoted comma. */
    public static String beyond(List<String> cells, int headerWidth) {
        for (int i = cells.size() - 1; i >= headerWidth; i--) {
            if (cells.get(i) != null && !cells.get(i).isBlank()) {
                return "the line has text in cell " + (i + 1) + " but the header names " + headerWidth
                        + " columns; quote a value that holds a comma (\"1,200\" or 1200)";
            }
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> line = next;
        next = null;
        return line;
    }

    private List<String> readLine() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY
                    && token != null; token = parser.nextToken()) {
                if (cells.size() == maxColumns) {
                    throw new ValidationFailed(null, "line " + (line + 1) + " has more than " + maxColumns
                            + " cells; that is no table to import");
                }
                cells.add(parser.getText());
            }
            line++;
            return cells;
        } catch (StreamConstraintsException e) {
            throw tooLong(line, null, maxCellChars);
        } catch (JsonProcessingException e) {
            // Jackson reads CSV as a JSON parser does; its message, not "not valid JSON", says what is wrong.
            throw new ValidationFailed(null,
                    "the CSV cannot be read at line " + (line + 1) + ": " + Texts.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** A cell beyond the limit makes the file a 400: it is hostile or not a table to import, not one bad row. */
    public static ValidationFailed tooLong(long row, String field, int maxCellChars) {
        return new ValidationFailed(field,
                "row " + row + ": a cell holds more than " + maxCellChars + " characters; that is no figure");
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
}

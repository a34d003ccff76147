package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.zhibiao.common.Texts;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows of a CSV file: UTF-8 (a BOM, as Excel writes it, is skipped), a header row, then one figure per line. Lines are
 * read token by token, so that neither a huge cell nor a line of a million commas is ever held whole: both make the
 * file a 400 as soon as they pass the limits.
 */
final class CsvRows implements Iterator<List<String>> {

    private final CsvParser parser;
    private final int maxColumns;
    private final int maxCellChars;
    private List<String> next;
    private long line;

    private CsvRows(CsvParser parser, Imports limits) {
        this.parser = parser;
        this.maxColumns = limits.maxColumns();
        this.maxCellChars = limits.maxCellChars();
    }

    static RowSource open(InputStream body, Imports limits) throws IOException {
        // Jackson stops a string once it passes the limit instead of growing its buffer to the whole field.
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxCellChars()).build())
                .build();
        CsvParser parser = factory.createParser(new InputStreamReader(skipBom(body), Texts.strictUtf8()));
        // Without a schema every line is an array of strings.
        parser.setSchema(CsvSchema.emptySchema());
        CsvRows lines = new CsvRows(parser, limits);
        if (!lines.hasNext()) {
            parser.close();
            throw new ValidationFailed(null, "the file is empty; expected a header row " + Column.HEADER);
        }
        return new TableRows<>(lines, lines.next(), (cells, i,
                column) -> i >= cells.size() ? TableRows.CellText.EMPTY : new TableRows.CellText(cells.get(i), null),
                CsvRows::beyond, limits.maxCellChars(), parser::close);
    }

    /** A line with text past the header's columns: most often a number or comment with an unquoted comma. */
    private static String beyond(List<String> cells, int headerWidth) {
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
                    throw new ValidationFailed(null,
                            "line " + (line + 1) + " has more than " + maxColumns + " cells; that is no figures file");
                }
                cells.add(parser.getText());
            }
            line++;
            return cells;
        } catch (StreamConstraintsException e) {
            throw TableRows.tooLong(line, null, maxCellChars);
        } catch (JsonProcessingException e) {
            // Jackson reads CSV as a JSON parser does; its message, not "not valid JSON", says what is wrong.
            throw new ValidationFailed(null,
                    "the CSV cannot be read at line " + (line + 1) + ": " + Texts.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
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

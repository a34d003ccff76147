package io.zhibiao.observation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.zhibiao.common.Texts;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Iterator;
import java.util.List;

/**
 * Rows of a CSV file: UTF-8 (a BOM, as Excel writes it, is skipped), a header row, then one figure
 * per line.
 */
final class CsvRows {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvRows() {
    }

    static RowSource open(InputStream body) throws IOException {
        MappingIterator<List<String>> lines = MAPPER.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema()).readValues(new InputStreamReader(skipBom(body), Texts.strictUtf8()));
        Iterator<List<String>> iterator = new Iterator<>() {

            @Override
            public boolean hasNext() {
                try {
                    return lines.hasNextValue();
                } catch (IOException e) {
                    throw new UnreadableBody(e);
                }
            }

            @Override
            public List<String> next() {
                try {
                    return lines.nextValue();
                } catch (IOException e) {
                    throw new UnreadableBody(e);
                }
            }
        };
        if (!iterator.hasNext()) {
            throw new ValidationFailed(null, "the file is empty; expected a header row " + Column.HEADER);
        }
        return new TableRows<>(iterator, TableRows.header(iterator.next()), (line, i,
                column) -> i >= line.size() ? TableRows.CellText.EMPTY : new TableRows.CellText(line.get(i), null),
                lines::close);
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

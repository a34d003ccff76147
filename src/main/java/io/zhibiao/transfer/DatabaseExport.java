package io.zhibiao.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a whole database as newline-delimited JSON, streamed: a header line (format, its version, the schema
 * version), then per table a line naming its columns and one JSON array per row, then a trailer with the row counts
 * and the SHA-256 of every byte before it; with a key, a signature checkpoint after every hundred lines and after
 * the trailer ({@link ExportSignature}). Plain JDBC on a connection the caller opened, so it reads the same on H2
 * and PostgreSQL and holds one row at a time.
 */
final class DatabaseExport {

    static final String FORMAT = "zhibiao-export";
    /** 2: signed with checkpoint lines ({@link ExportSignature}); version 1 exports (unsigned) are still read. */
    static final int FORMAT_VERSION = 2;

    record Summary(Map<String, Long> rows, String sha256) {
    }

    private DatabaseExport() {
    }

    /**
     * Writes the export to {@code out}, signed with {@code key} (null: unsigned). {@code exportId} names this export
     * in its signature, so that no line of another export fits into it.
     */
    static Summary write(Connection connection, String schemaVersion, OffsetDateTime now, byte[] key, String exportId,
            OutputStream raw) throws SQLException, IOException {
        ObjectMapper mapper = new ObjectMapper();
        MessageDigest sha256 = sha256();
        ExportSignature.Signer out = new ExportSignature.Signer(raw, key, exportId);
        // The generator must not close the caller's stream; the trailer goes after it, outside the digest.
        DigestOutputStream digesting = new DigestOutputStream(new FilterOutputStream(out) {

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, sha256);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (JsonGenerator json = mapper.getFactory().createGenerator(digesting)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeStringField("schemaVersion", schemaVersion);
            json.writeStringField("exportedAt", now.toString());
            json.writeStringField("database", connection.getMetaData().getDatabaseProductName());
            json.writeStringField("exportId", exportId);
            json.writeStringField("signature", key == null ? ExportSignature.NONE : ExportSignature.ALGORITHM);
            json.writeEndObject();
            for (Tables.Table table : Tables.ALL) {
                counts.put(table.name(), writeTable(connection, table, json));
            }
            json.flush();
            digesting.write('\n');
            digesting.flush();
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("end", true);
        trailer.put("rows", counts);
        trailer.put("sha256", digest);
        out.write(mapper.writeValueAsBytes(trailer));
        out.write('\n');
        out.finish();
        return new Summary(counts, digest);
    }

    private static long writeTable(Connection connection, Tables.Table table, JsonGenerator json)
            throws SQLException, IOException {
        try (Statement query = connection.createStatement()) {
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.orderBy())) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                int[] types = new int[columns + 1];
                json.writeStartObject();
                json.writeStringField("table", table.name());
                json.writeArrayFieldStart("columns");
                for (int c = 1; c <= columns; c++) {
                    json.writeString(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
                    types[c] = meta.getColumnType(c);
                }
                json.writeEndArray();
                json.writeEndObject();
                long rows = 0;
                while (rs.next()) {
                    json.writeStartArray();
                    for (int c = 1; c <= columns; c++) {
                        Cells.write(rs, c, types[c], json);
                    }
                    json.writeEndArray();
                    rows++;
                }
                return rows;
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

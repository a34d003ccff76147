package io.zhibiao.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an export ({@link DatabaseExport}) into an empty database of the same schema version, on the caller's
 * connection and inside the caller's transaction: any fault (a malformed line, a row count or checksum that does not
 * match, a missing trailer) throws {@link BadExport} before anything is committed. Columns are matched by name and
 * bound by the importing database's own types.
 */
final class DatabaseImport {

    private static final int BATCH = 1_000;
    private static final int MAX_LINE_BYTES = 16 << 20;

    private final Connection connection;
    private final ObjectMapper mapper = new ObjectMapper();
    private final MessageDigest sha256 = DatabaseExport.sha256();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long line;

    private DatabaseImport(Connection connection) {
        this.connection = connection;
    }

    /** Imports the export read from {@code in}; answers the rows per table. */
    static Map<String, Long> read(Connection connection, String schemaVersion, InputStream in)
            throws SQLException, IOException {
        return new DatabaseImport(connection).run(schemaVersion, in);
    }

    private Map<String, Long> run(String schemaVersion, InputStream in) throws SQLException, IOException {
        try {
            return readAll(schemaVersion, in);
        } catch (SQLException e) {
            // Integrity (23…) and data (22…) errors: the rows contradict each other or the schema, the file's fault.
            String state = String.valueOf(rootOf(e).getSQLState());
            if (state.startsWith("23") || state.startsWith("22")) {
                String message = String.valueOf(rootOf(e).getMessage()).lines().findFirst().orElse("");
                throw new BadExport("near line " + line + " the rows cannot be stored: " + message);
            }
            throw e;
        }
    }

    private static SQLException rootOf(SQLException e) {
        return e.getNextException() != null ? e.getNextException() : e;
    }

    private Map<String, Long> readAll(String schemaVersion, InputStream in) throws SQLException, IOException {
        byte[] first = nextLine(in, true);
        if (first == null) {
            throw new BadExport("the body is empty; an export starts with its header line");
        }
        JsonNode header = parse(first);
        if (!DatabaseExport.FORMAT.equals(header.path("format").asText())) {
            throw new BadExport("line 1 is not the header of a Zhibiao export");
        }
        int formatVersion = header.path("formatVersion").asInt();
        if (formatVersion < 1 || formatVersion > DatabaseExport.FORMAT_VERSION) {
            throw new BadExport("the export has format version " + header.path("formatVersion")
                    + "; this release reads versions 1 to " + DatabaseExport.FORMAT_VERSION);
        }
        if (!schemaVersion.equals(header.path("schemaVersion").asText())) {
            throw new BadExport("the export was written by schema version " + header.path("schemaVersion").asText()
                    + ", this database has " + schemaVersion + "; import with the release that wrote it");
        }
        Iterator<Tables.Table> expected = Tables.ALL.iterator();
        TableWriter table = null;
        while (true) {
            byte[] bytes = nextLine(in, false);
            if (bytes == null) {
                throw new BadExport("the export ends after line " + line + " without its trailer: it is truncated");
            }
            if (ExportSignature.isCheckpoint(bytes)) {
                continue; // checked before the import began
            }
            JsonNode node = parse(bytes);
            if (node.isArray()) {
                if (table == null) {
                    throw new BadExport("line " + line + " is a row before any table");
                }
                table.add(node);
                sha256.update(bytes);
            } else if (node.has("table")) {
                if (table != null) {
                    counts.put(table.table.name(), table.finish());
                }
                Tables.Table next = expected.hasNext() ? expected.next() : null;
                if (next == null || !next.name().equals(node.path("table").asText())) {
                    throw new BadExport("line " + line + " starts table '" + node.path("table").asText()
                            + "'; expected " + (next == null ? "the trailer" : "'" + next.name() + "'"));
                }
                table = new TableWriter(next, node.path("columns"));
                sha256.update(bytes);
            } else if (node.path("end").asBoolean(false)) {
                if (table != null) {
                    counts.put(table.table.name(), table.finish());
                }
                if (expected.hasNext()) {
                    throw new BadExport("the trailer comes before table '" + expected.next().name() + "'");
                }
                verify(node);
                byte[] after;
                while ((after = nextLine(in, false)) != null) {
                    if (!ExportSignature.isCheckpoint(after)) {
                        throw new BadExport("line " + line + " follows the trailer");
                    }
                }
                restartSequences();
                return counts;
            } else {
                throw new BadExport("line " + line + " is neither a table, a row nor the trailer");
            }
        }
    }

    private void verify(JsonNode trailer) {
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!digest.equals(trailer.path("sha256").asText())) {
            throw new BadExport("the checksum does not match: the export was changed or damaged after it was written");
        }
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            long declared = trailer.path("rows").path(count.getKey()).asLong(-1);
            if (declared != count.getValue()) {
                throw new BadExport("table '" + count.getKey() + "' has " + count.getValue()
                        + " rows; the trailer says " + declared);
            }
        }
    }

    /** Sequences start beyond every id and change number imported, so new rows never collide with old ones. */
    private void restartSequences() throws SQLException {
        Map<String, Long> next = new TreeMap<>();
        Map<String, Integer> increments = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Tables.Sequence sequence : Tables.SEQUENCES) {
                try (ResultSet rs = statement
                        .executeQuery("SELECT COALESCE(MAX(" + sequence.column() + "), 0) FROM " + sequence.table())) {
                    rs.next();
                    next.merge(sequence.name(), rs.getLong(1), Math::max);
                    increments.put(sequence.name(), sequence.increment());
                }
            }
            for (Map.Entry<String, Long> sequence : next.entrySet()) {
                // Two allocation blocks beyond the largest id: safe whether a block ends or starts at the value drawn.
                long restart = sequence.getValue() + 2L * increments.get(sequence.getKey());
                statement.execute("ALTER SEQUENCE " + sequence.getKey() + " RESTART WITH " + restart);
            }
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadExport("line " + line + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadExport("line " + line + " cannot be read: " + e.getMessage());
        }
    }

    /** The next line with its newline, or null at the end; the header line is hashed here. */
    private byte[] nextLine(InputStream in, boolean header) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != -1) {
            buffer.write(b);
            if (b == '\n') {
                break;
            }
            if (buffer.size() > MAX_LINE_BYTES) {
                throw new BadExport("line " + (line + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
            }
        }
        if (buffer.size() == 0) {
            return null;
        }
        line++;
        byte[] bytes = buffer.toByteArray();
        if (bytes[bytes.length - 1] != '\n') {
            throw new BadExport("line " + line + " is cut off: the export is truncated");
        }
        if (header) {
            sha256.update(bytes);
        }
        return bytes;
    }

    /** Inserts the rows of one table in batches; columns pointing into the same table are set once all rows exist. */
    private final class TableWriter {

        private final Tables.Table table;
        private final int[] targetColumn;
        private final int[] types;
        private final boolean[] deferred;
        private final String[] names;
        private final PreparedStatement insert;
        private final List<JsonNode> deferredRows = new ArrayList<>();
        private int idColumn = -1;
        private int pending;
        private long rows;

        TableWriter(Tables.Table table, JsonNode columns) throws SQLException {
            this.table = table;
            Map<String, Integer> targetTypes = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    targetTypes.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), meta.getColumnType(c));
                }
            }
            if (!columns.isArray() || columns.size() != targetTypes.size()) {
                throw new BadExport("table '" + table.name() + "' has columns " + columns + "; this database has "
                        + targetTypes.keySet());
            }
            names = new String[columns.size()];
            types = new int[columns.size()];
            targetColumn = new int[columns.size()];
            deferred = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                names[i] = columns.get(i).asText();
                Integer type = targetTypes.get(names[i]);
                if (type == null) {
                    throw new BadExport(
                            "table '" + table.name() + "' has a column '" + names[i] + "' this database does not have");
                }
                types[i] = type;
                targetColumn[i] = i + 1;
                deferred[i] = table.selfReferences().contains(names[i]);
                if (names[i].equals("id")) {
                    idColumn = i;
                }
            }
            if (table.name().equals("data_version")) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM data_version");
                }
            }
            insert = connection.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", names)
                    + ") VALUES (" + "?, ".repeat(names.length - 1) + "?)");
        }

        void add(JsonNode row) throws SQLException {
            if (row.size() != names.length) {
                throw new BadExport("line " + line + " has " + row.size() + " values; table '" + table.name() + "' has "
                        + names.length + " columns");
            }
            boolean hasDeferred = false;
            for (int i = 0; i < names.length; i++) {
                String where = "line " + line + ", column " + names[i];
                if (deferred[i]) {
                    insert.setNull(targetColumn[i], types[i]);
                    hasDeferred |= !row.get(i).isNull();
                } else {
                    Cells.bind(insert, targetColumn[i], types[i], row.get(i), where);
                }
            }
            if (hasDeferred) {
                deferredRows.add(row);
            }
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        long finish() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
            if (!deferredRows.isEmpty()) {
                List<Integer> columns = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    if (deferred[i]) {
                        columns.add(i);
                    }
                }
                String set = String.join(", ", columns.stream().map(i -> names[i] + " = ?").toList());
                try (PreparedStatement update = connection
                        .prepareStatement("UPDATE " + table.name() + " SET " + set + " WHERE id = ?")) {
                    for (JsonNode row : deferredRows) {
                        int index = 1;
                        for (int i : columns) {
                            Cells.bind(update, index++, types[i], row.get(i), "table " + table.name());
                        }
                        Cells.bind(update, index, types[idColumn], row.get(idColumn), "table " + table.name());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            return rows;
        }
    }
}

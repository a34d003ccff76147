package io.zhibiao.observation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collections;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends rows to one table in bulk. On PostgreSQL it streams them with {@code COPY … FROM STDIN},
 * which the server takes in far less time than the same rows as batched INSERTs (no statement to
 * bind per row); elsewhere (H2) it uses JDBC batches. Both take the same column list and the same
 * values, so callers have one way to write rows. Values: Long, Integer, String, BigDecimal,
 * Boolean, OffsetDateTime or null.
 */
abstract class BulkInsert implements AutoCloseable {

    static BulkInsert open(Connection connection, boolean postgres, String table, String... columns)
            throws SQLException {
        return postgres ? new Copy(connection, table, columns) : new Batch(connection, table, columns);
    }

    abstract void add(Object... values) throws SQLException;

    /**
     * Sends what was added and leaves the work open: on PostgreSQL the server goes on storing the
     * rows while the caller prepares the next ones. Nothing else may use the connection until
     * {@link #complete()}.
     */
    abstract void send() throws SQLException;

    /** Waits until everything sent is stored; the connection is free again. */
    abstract void complete() throws SQLException;

    /** Sends and completes. */
    final void flush() throws SQLException {
        send();
        complete();
    }

    @Override
    public abstract void close() throws SQLException;

    private static final class Batch extends BulkInsert {

        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, String table, String[] columns) throws SQLException {
            insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    insert.setNull(i + 1, Types.NULL);
                } else if (value instanceof OffsetDateTime time) {
                    insert.setObject(i + 1, time);
                } else {
                    insert.setObject(i + 1, value);
                }
            }
            insert.addBatch();
            pending++;
        }

        @Override
        void send() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        void complete() {
            // a batch is complete once sent
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /** COPY's text format: tab-separated, {@code \N} for null, backslash escapes in text. */
    private static final class Copy extends BulkInsert {

        /**
         * Rows go to the server in pieces of this size, so that it starts storing while more are
         * formatted.
         */
        private static final int PIECE = 1 << 16;

        private final PGConnection connection;
        private final String sql;
        private final StringBuilder rows = new StringBuilder(PIECE + 4096);
        private CopyIn copy;

        Copy(Connection connection, String table, String[] columns) throws SQLException {
            this.connection = connection.unwrap(PGConnection.class);
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        }

        @Override
        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    rows.append("\\N");
                } else if (value instanceof String text) {
                    escape(text);
                } else if (value instanceof BigDecimal number) {
                    // Whole figures (most counts) print as longs: toPlainString was a sixth of the
                    // import's CPU.
                    if (number.scale() == 0 && number.precision() <= 18) {
                        rows.append(number.longValue());
                    } else {
                        rows.append(number.toPlainString());
                    }
                } else if (value instanceof Boolean flag) {
                    rows.append(flag ? 't' : 'f');
                } else {
                    rows.append(value);
                }
            }
            rows.append('\n');
            if (rows.length() >= PIECE) {
                write();
            }
        }

        private void escape(String text) {
            if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                rows.append(text);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(c);
                }
            }
        }

        private void write() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            if (copy == null) {
                copy = connection.getCopyAPI().copyIn(sql);
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            rows.setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        }

        @Override
        void send() throws SQLException {
            write();
            if (copy != null) {
                copy.flushCopy();
            }
        }

        @Override
        void complete() throws SQLException {
            if (copy != null) {
                CopyIn finishing = copy;
                copy = null;
                finishing.endCopy();
            }
        }

        /**
         * After a failure: an unfinished COPY is cancelled, so that the connection can roll back.
         */
        @Override
        public void close() throws SQLException {
            rows.setLength(0);
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            copy = null;
        }
    }
}

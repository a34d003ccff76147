package io.zhibiao.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * How a column's value travels in an export: integers as JSON numbers, decimals as strings (exactly the digits and
 * scale stored; a JSON number would pass through a double somewhere), timestamps with their offset as ISO text. The
 * same JDBC types on H2 and PostgreSQL, so either can read what the other wrote. A type not listed here fails the
 * export loudly rather than losing a value.
 */
final class Cells {

    private Cells() {
    }

    static void write(ResultSet rs, int column, int sqlType, JsonGenerator out) throws SQLException, IOException {
        switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                long value = rs.getLong(column);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal value = rs.getBigDecimal(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value.toPlainString());
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rs.getBoolean(column);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(value);
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value.toString());
                }
            }
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCLOB -> {
                String value = rs.getString(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value);
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = rs.getBytes(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(java.util.Base64.getEncoder().encodeToString(value));
                }
            }
            default -> throw new IllegalStateException("column " + rs.getMetaData().getColumnName(column)
                    + " has SQL type " + sqlType + ", which exports do not carry yet");
        }
    }

    /** Binds an exported value to a column of the importing database; a value of the wrong shape is the file's fault. */
    static void bind(PreparedStatement insert, int index, int sqlType, JsonNode value, String where)
            throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(index, sqlType);
            return;
        }
        try {
            switch (sqlType) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                        throw new BadExport(where + " must be an integer");
                    }
                    insert.setLong(index, value.asLong());
                }
                case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new BigDecimal(text(value, where)));
                case Types.BOOLEAN, Types.BIT -> {
                    if (!value.isBoolean()) {
                        throw new BadExport(where + " must be true or false");
                    }
                    insert.setBoolean(index, value.asBoolean());
                }
                case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
                    insert.setObject(index, OffsetDateTime.parse(text(value, where)), Types.TIMESTAMP_WITH_TIMEZONE);
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(index, java.util.Base64.getDecoder().decode(text(value, where)));
                default -> insert.setString(index, text(value, where));
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new BadExport(where + " cannot be read: " + e.getMessage());
        }
    }

    private static String text(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new BadExport(where + " must be a string");
        }
        return value.textValue();
    }
}

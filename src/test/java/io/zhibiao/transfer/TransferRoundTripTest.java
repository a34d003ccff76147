package io.zhibiao.transfer;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database with history goes out through the export endpoint and into the other database (H2 → PostgreSQL when the
 * suite runs on H2, PostgreSQL → H2 when it runs on PostgreSQL); every row of every table must come back equal.
 */
@QuarkusTest
class TransferRoundTripTest {

    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_TARGET_URL = "jdbc:postgresql://127.0.0.1:5432/zhibiao_transfer";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransferService service;

    private static boolean onPostgres() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class).contains("postgres");
    }

    /** An empty database of the current schema, of the other kind than the suite runs on. */
    private static Connection otherDatabase() throws SQLException {
        String url;
        String user;
        if (onPostgres()) {
            url = "jdbc:h2:mem:transfer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
        } else {
            try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS zhibiao_transfer");
                statement.execute("CREATE DATABASE zhibiao_transfer");
            }
            url = PG_TARGET_URL;
            user = "postgres";
        }
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        return DriverManager.getConnection(url, user, "");
    }

    /** A bureau's history: a moved unit, a formula changed to a newer indicator, revisions, a deletion, lock, token. */
    private static void history() {
        String county = county();
        String newer = county();
        String school = orgUnit("SCHOOL", county);
        json().body(Map.of("name", "迁移学校", "type", "SCHOOL", "parentCode", newer))
                .put("/api/v1/org-units/{code}", school).then().statusCode(200);
        String pupils = anIndicator().with("valueType", "DECIMAL").create();
        String passed = anIndicator().create();
        var rate = anIndicator().percent().aggregation("LAST").with("formula",
                Map.of("numerator", passed, "denominator", pupils));
        String rateCode = rate.create();
        String laterPassed = anIndicator().create();
        rate.body().remove("code");
        rate.with("formula", Map.of("numerator", laterPassed, "denominator", pupils));
        json().body(rate.body()).put("/api/v1/indicators/{code}", rateCode).then().statusCode(200);
        aTarget().forIndicator(pupils).at(newer).value("9200.50").milestone("2025-H1", "4600.25").create();
        put(pupils, school, "2025-01", "120");
        put(pupils, school, "2025-01", "121.5");
        put(laterPassed, school, "2025-01", "58");
        put(pupils, school, "2025-02", "7");
        json().delete("/api/v1/observations/{i}/{o}/{p}", pupils, school, "2025-02").then().statusCode(204);
        json().body(Map.of("orgUnitCode", county, "period", "2024")).post("/api/v1/locks").then().statusCode(201);
        token("CLERK", school);
    }

    @Test
    void everyRowAndRevisionArrivesEqualInTheOtherDatabase() throws Exception {
        history();
        byte[] export = json().accept(TransferResource.NDJSON).get("/api/v1/admin/export").then().statusCode(200)
                .contentType(TransferResource.NDJSON).extract().asByteArray();
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).contains("\"format\":\"zhibiao-export\"");
        assertThat(text.lines().filter(l -> !l.startsWith("{\"mac\":")).reduce((a, b) -> b).orElseThrow())
                .startsWith("{\"end\":true");
        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).startsWith("{\"mac\":");

        try (Connection target = otherDatabase()) {
            target.setAutoCommit(false);
            Map<String, Long> rows = DatabaseImport.read(target, service.schemaVersion(),
                    new ByteArrayInputStream(export));
            target.commit();
            try (Connection source = dataSource.getConnection()) {
                for (Tables.Table table : Tables.ALL) {
                    List<String> expected = rows(source, table);
                    assertThat(rows.get(table.name())).as(table.name()).isEqualTo(expected.size());
                    assertThat(rows(target, table)).as("rows of %s", table.name()).containsExactlyElementsOf(expected);
                }
            }
            // New rows draw ids beyond the imported ones.
            for (Tables.Sequence sequence : Tables.SEQUENCES) {
                long max = single(target,
                        "SELECT COALESCE(MAX(" + sequence.column() + "), 0) FROM " + sequence.table());
                String next = onPostgres()
                        ? "SELECT NEXT VALUE FOR " + sequence.name()
                        : "SELECT nextval('" + sequence.name() + "')";
                assertThat(single(target, next)).as(sequence.name()).isGreaterThan(max);
            }
            target.rollback();
        }
    }

    @Test
    void theExportCoversEveryTableOfTheSchema() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection source = dataSource.getConnection();
                ResultSet rs = source.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                if (schema.equals("public")) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.remove("flyway_schema_history");
        assertThat(tables).containsExactlyInAnyOrderElementsOf(Tables.ALL.stream().map(Tables.Table::name).toList());
    }

    @Test
    void aTruncatedAlteredOrForeignExportLeavesNothingBehind() throws Exception {
        history();
        // The data reader on its own: signature checkpoints are TransferSignatureTest's.
        String export = json().accept(TransferResource.NDJSON).get("/api/v1/admin/export").then().statusCode(200)
                .extract().asString().lines().filter(l -> !l.startsWith("{\"mac\":")).map(l -> l + "\n")
                .reduce("", String::concat);
        List<String> lines = new ArrayList<>(export.lines().toList());
        String truncated = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        // A changed name breaks no constraint: only the checksum can tell.
        int row = lines.indexOf(lines.stream().filter(l -> l.contains("迁移学校")).findFirst().orElseThrow());
        List<String> altered = new ArrayList<>(lines);
        altered.set(row, altered.get(row).replace("迁移学校", "迁移学校二"));
        // A row pointing at a unit that is not in the export is the file's fault too.
        int token = lines.indexOf(
                lines.stream().filter(l -> l.contains("\"table\":\"access_token\"")).findFirst().orElseThrow()) + 1;
        List<String> dangling = new ArrayList<>(lines);
        dangling.set(token,
                dangling.get(token).replaceFirst("^\\[(\\d+),(\"[^\"]*\"),(\"[A-Z]+\"),\\d+,", "[$1,$2,$3,987654321,"));
        String otherSchema = export.replaceFirst("\"schemaVersion\":\"[^\"]+\"", "\"schemaVersion\":\"1\"");
        int cut = export.length() / 2;
        while (export.charAt(cut - 1) == '\n' || export.charAt(cut) == '\n') {
            cut++; // inside a line: a cut that falls on a line's end is a truncated export, not a line cut off
        }
        String cutMidLine = export.substring(0, cut);

        try (Connection target = otherDatabase()) {
            target.setAutoCommit(false);
            for (var bad : Map
                    .of("truncated", truncated, "checksum", String.join("\n", altered) + "\n", "schema version",
                            otherSchema, "cut off", cutMidLine, "cannot be stored", String.join("\n", dangling) + "\n")
                    .entrySet()) {
                assertThatThrownBy(() -> DatabaseImport.read(target, service.schemaVersion(),
                        new ByteArrayInputStream(bad.getValue().getBytes(StandardCharsets.UTF_8)))).as(bad.getKey())
                        .isInstanceOf(BadExport.class).hasMessageContaining(bad.getKey());
                target.rollback();
                assertThat(single(target, "SELECT COUNT(*) FROM org_unit")).as(bad.getKey()).isZero();
            }
        }
    }

    @Test
    void onlyAnAdminOverTheWholeTreeExportsAndAFilledDatabaseRefusesAnImport() {
        String county = county();
        as(token("ADMIN", county)).accept(TransferResource.NDJSON).get("/api/v1/admin/export").then()
                .spec(problem(403, "forbidden"));
        json().contentType(TransferResource.NDJSON)
                .body("{\"format\":\"zhibiao-export\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import?unsigned=true").then().spec(problem(409, "conflict"));
        as(token("ADMIN", county)).contentType(TransferResource.NDJSON).body("{}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/import").then().spec(problem(403, "forbidden"));
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row as text; timestamps as instants, since PostgreSQL answers them in UTC and H2 in their own offset. */
    private static List<String> rows(Connection connection, Tables.Table table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement
                        .executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.orderBy())) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns.size(); c++) {
                    Object value = switch (meta.getColumnType(c)) {
                        case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                            OffsetDateTime time = rs.getObject(c, OffsetDateTime.class);
                            yield time == null ? null : time.toInstant();
                        }
                        case Types.NUMERIC, Types.DECIMAL -> {
                            var decimal = rs.getBigDecimal(c);
                            yield decimal == null ? null : decimal.toPlainString();
                        }
                        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                            byte[] bytes = rs.getBytes(c);
                            yield bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
                        }
                        default -> rs.getObject(c);
                    };
                    row.append(columns.get(c - 1)).append('=').append(value).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}

package io.zhibiao.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.zhibiao.common.Bodies;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.Forbidden;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.security.Access;
import io.zhibiao.security.Caller;
import io.zhibiao.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Moving a bureau's whole database, for instance from the embedded H2 to PostgreSQL: an export of every row (org
 * units, indicators, targets, plans, figures with their full revision history, locks, tokens as hashes, idempotency
 * keys) and its import into an empty database of the same release.
 */
@ApplicationScoped
public class TransferService {

    /** What an import did: the rows per table, in import order. */
    public record Imported(Map<String, Long> rows) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Access access;

    @Inject
    Flyway flyway;

    @Inject
    Bodies bodies;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    /**
     * Everything, as one consistent snapshot: writes committed while the export runs are not in it. The caller checks
     * {@link #checkAllScopeAdmin()} first, before the answer starts streaming.
     */
    public void export(OutputStream out) throws IOException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                byte[] key = config.transfer().key().map(ExportSignature::keyBytes).orElse(null);
                String exportId = UUID.randomUUID().toString();
                DatabaseExport.Summary summary = DatabaseExport.write(connection, schemaVersion(),
                        OffsetDateTime.now(clock), key, exportId, out);
                Log.infof("Export %s by %s (%s): %s in %d ms, sha256 %s", exportId, access.actor(),
                        key == null ? "unsigned: zhibiao.transfer.key is not set" : "signed", summary.rows(),
                        (System.nanoTime() - started) / 1_000_000, summary.sha256());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the export could not read the database", e);
        }
    }

    /**
     * Reads an export into this database, which must hold no data yet. The body is spooled first, so the database is
     * never held while a slow client sends; everything is written in one transaction, so a bad export leaves nothing.
     */
    public Imported importAll(InputStream body, boolean acceptUnsigned) throws IOException {
        checkAllScopeAdmin();
        Path spooled = Files.createTempFile("zhibiao-transfer-", ".ndjson");
        try {
            try (OutputStream out = Files.newOutputStream(spooled)) {
                bodies.copyAtMost(body, out, config.imports().maxBodyBytes());
            }
            try {
                checkSignature(spooled, acceptUnsigned);
            } catch (BadExport e) {
                throw new ValidationFailed("body", e.getMessage());
            }
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    InputStream in = new BufferedInputStream(Files.newInputStream(spooled), 1 << 16)) {
                connection.setAutoCommit(false);
                try {
                    long versionBefore = enterGate(connection);
                    requireEmpty(connection);
                    Map<String, Long> rows = DatabaseImport.read(connection, schemaVersion(), in);
                    // Answers cached at the imported version number were computed on the empty database.
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("UPDATE data_version SET version = GREATEST(version, " + versionBefore
                                + ") + 1 WHERE id = 1");
                    }
                    connection.commit();
                    Log.infof("Import of an export by %s: %s in %d ms", access.actor(), rows,
                            (System.nanoTime() - started) / 1_000_000);
                    return new Imported(rows);
                } catch (BadExport e) {
                    connection.rollback();
                    throw new ValidationFailed("body", e.getMessage());
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the import could not write the database", e);
            }
        } catch (UnreadableBody e) {
            throw e;
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /**
     * Before anything is written: a signed export must match its signature under this service's key, line by line; an
     * unsigned one (or one this service has no key for) is imported only when the operator said so for this import.
     */
    private void checkSignature(Path spooled, boolean acceptUnsigned) throws IOException {
        String signature;
        try (InputStream in = Files.newInputStream(spooled)) {
            signature = headerSignature(in);
        }
        Optional<String> key = config.transfer().key();
        boolean signed = ExportSignature.ALGORITHM.equals(signature);
        if (signed && key.isPresent()) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spooled), 1 << 16)) {
                ExportSignature.verify(in, ExportSignature.keyBytes(key.get()));
            }
            return;
        }
        if (!acceptUnsigned) {
            throw new BadExport(signed
                    ? "the export is signed, but this service has no zhibiao.transfer.key to check it with: set the "
                            + "key it was signed with, or import with unsigned=true to accept it unchecked"
                    : "the export is not signed (it was written without zhibiao.transfer.key), so nothing shows it "
                            + "was not changed: import it with unsigned=true only if you trust the file");
        }
        Log.warnf("Import by %s of an export whose signature is not checked (unsigned=true)", access.actor());
    }

    /** The header's {@code signature}, or "none" for an export of format version 1 (which had none). */
    private static String headerSignature(InputStream in) throws IOException {
        byte[] header = new BufferedInputStream(in).readNBytes(64 * 1024);
        int end = 0;
        while (end < header.length && header[end] != '\n') {
            end++;
        }
        if (end == 0) {
            throw new BadExport("the body is empty; an export starts with its header line");
        }
        try {
            JsonNode node = new ObjectMapper().readTree(Arrays.copyOf(header, end));
            return node == null ? ExportSignature.NONE : node.path("signature").asText(ExportSignature.NONE);
        } catch (IOException e) {
            throw new BadExport("line 1 is not the header of a Zhibiao export");
        }
    }

    /** The write gate on this connection: no other write runs while the import does. */
    private static long enterGate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
            try (ResultSet rs = statement.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Tables.Table table : Tables.ALL) {
                if (table.name().equals("data_version")) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new Conflict("this database already holds data (" + table.name()
                                + "); an export is imported into a new, empty database");
                    }
                }
            }
        }
    }

    String schemaVersion() {
        return flyway.info().current().getVersion().getVersion();
    }

    /** The whole database is in an export, tokens of every subtree included: only an admin over the whole tree. */
    public void checkAllScopeAdmin() {
        Caller caller = access.caller();
        if (caller.role() != Role.ADMIN || !caller.coversAll()) {
            throw new Forbidden("exports and imports hold the whole database; they need an admin over the whole "
                    + "tree (the bootstrap admin token)");
        }
    }
}

package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.ApiException;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers of imports sent with an {@code Idempotency-Key}: a repeat of the key by the same caller
 * within {@link #WINDOW} gets the first answer and applies nothing. Keys are stored hashed with the
 * caller's name, so another token choosing the same key neither receives nor blocks this answer.
 * Older keys are purged when a new one is stored.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final Duration WINDOW = Duration.ofHours(48);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The key as stored: the caller's name and the client's key, hashed. */
    static String scoped(String actor, String key) {
        return Secrets.hash(actor + "\u0000" + key);
    }

    /**
     * The first answer to this key, if the key was used within the window; a use of the key with another request is a
     * 422 (the IETF Idempotency-Key draft), since answering it with the first summary would hide that nothing of it was
     * applied.
     */
    Optional<ImportService.Outcome> find(String storedKey, String requestHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT status_code, summary, request_hash "
                        + "FROM idempotency_key WHERE idem_key = ? AND created_at > ?")) {
            query.setString(1, storedKey);
            query.setTimestamp(2, Timestamp.from(OffsetDateTime.now(clock).minus(WINDOW).toInstant()));
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    String firstHash = rs.getString(3);
                    if (firstHash != null && !firstHash.equals(requestHash)) {
                        throw new IdempotencyKeyReused();
                    }
                    return Optional.of(new ImportService.Outcome(rs.getInt(1),
                            mapper.readValue(rs.getString(2), ImportSummary.class)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the Idempotency-Key", e);
        }
        return Optional.empty();
    }

    /** Stores the answer with the import's transaction. */
    void store(String storedKey, String requestHash, ImportService.Outcome outcome) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection
                    .prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(OffsetDateTime.now(clock).minus(WINDOW).toInstant()));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (idem_key, status_code, summary, created_at, request_hash) "
                            + "VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, storedKey);
                insert.setInt(2, outcome.status());
                insert.setString(3, mapper.writeValueAsString(outcome.summary()));
                insert.setTimestamp(4, Timestamp.from(OffsetDateTime.now(clock).toInstant()));
                insert.setString(5, requestHash);
                insert.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record the Idempotency-Key", e);
        }
    }

    /**
     * Stores the answer of an import that rolls back: the answer stands for a repeat of the same
     * request.
     */
    void storeDespiteRollback(String storedKey, String requestHash, ImportService.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> store(storedKey, requestHash, outcome));
    }

    /**
     * What identifies a request for its key: the content type, the options and the body's bytes (SHA-256, hex).
     */
    static String requestHash(String contentType, boolean dryRun, boolean atomic, Path body) {
        try (InputStream in = Files.newInputStream(body)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((contentType + "\n" + dryRun + "\n" + atomic + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not hash the request", e);
        }
    }

    /** 422: the key was already used with another request. */
    static final class IdempotencyKeyReused extends ApiException {

        IdempotencyKeyReused() {
            super(422, "idempotency_key_reused", "Idempotency-Key reused",
                    "this Idempotency-Key was already used with another request within the last " + WINDOW.toHours()
                            + " hours; send a new key for a new request");
        }
    }
}

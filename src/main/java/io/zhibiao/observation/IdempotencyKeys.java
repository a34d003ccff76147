package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    Optional<ImportService.Outcome> find(String storedKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status_code, summary FROM idempotency_key WHERE idem_key = ? AND created_at > ?")) {
            query.setString(1, storedKey);
            query.setTimestamp(2, Timestamp.from(OffsetDateTime.now(clock).minus(WINDOW).toInstant()));
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
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
    void store(String storedKey, ImportService.Outcome outcome) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection
                    .prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(OffsetDateTime.now(clock).minus(WINDOW).toInstant()));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (idem_key, status_code, summary, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, storedKey);
                insert.setInt(2, outcome.status());
                insert.setString(3, mapper.writeValueAsString(outcome.summary()));
                insert.setTimestamp(4, Timestamp.from(OffsetDateTime.now(clock).toInstant()));
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
    void storeDespiteRollback(String storedKey, ImportService.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> store(storedKey, outcome));
    }
}

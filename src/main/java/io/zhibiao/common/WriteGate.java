package io.zhibiao.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single row every write transaction passes through first.
 *
 * <p>Bumping {@code data_version} takes a row lock held until commit, so writers run one after the
 * other across all replicas: concurrent puts of one cell get consecutive revisions and no lost
 * update, and a first insert never races another. The version doubles as a cheap "has anything
 * changed" stamp for dashboard ETags. Writes here are small and short, so the serialisation costs
 * little.
 */
@ApplicationScoped
public class WriteGate {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /** Call first in every write transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter() {
        em.createNativeQuery("UPDATE data_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }

    /**
     * The version of the last committed write. Plain JDBC, not Hibernate: every dashboard poll asks, and a session
     * and a transaction around one indexed read cost more than the read.
     */
    public long currentVersion() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT version FROM data_version WHERE id = 1");
                ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("data_version holds no row; the schema migration did not run");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data version", e);
        }
    }
}

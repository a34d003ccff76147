package io.zhibiao.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Positions in the changes feed. Drawn only after {@link WriteGate#enter()}, so that their order is
 * commit order. The SQL comes from Hibernate's dialect, which knows H2's {@code NEXT VALUE FOR} and
 * PostgreSQL's {@code nextval}.
 */
@ApplicationScoped
public class ChangeSequence {

    public static final String NAME = "change_seq";

    @Inject
    EntityManager em;

    private Dialect dialect() {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    public long next() {
        String sql = dialect().getSequenceSupport().getSequenceNextValString(NAME);
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** {@code count} fresh values of {@code sequence} in one round trip, in drawing order. */
    public List<Long> values(Connection connection, String sequence, int count) throws SQLException {
        List<Long> values = new ArrayList<>(count);
        if (count == 0) {
            return values;
        }
        String sql = isPostgres()
                ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, count);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }

    public boolean isPostgres() {
        return dialect() instanceof PostgreSQLDialect;
    }
}

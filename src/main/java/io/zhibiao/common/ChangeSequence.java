package io.zhibiao.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Positions in the changes feed. Drawn only after {@link WriteGate#enter()}, so that their order is commit order.
 * The SQL comes from Hibernate's dialect, which knows H2's {@code NEXT VALUE FOR} and PostgreSQL's {@code nextval}.
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

    /** The SQL expression that draws the next value of {@code sequence} inside an INSERT. */
    public String nextValueExpression(String sequence) {
        return dialect().getSequenceSupport().getSelectSequenceNextValString(sequence);
    }

    public boolean isPostgres() {
        return dialect() instanceof org.hibernate.dialect.PostgreSQLDialect;
    }
}

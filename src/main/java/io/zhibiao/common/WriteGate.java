package io.zhibiao.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The single row every write transaction passes through first.
 *
 * <p>Bumping {@code data_version} takes a row lock held until commit, so writers run one after the
 * other across all replicas: concurrent puts of one cell get consecutive revisions and no lost
 * update, and a first insert never races another. The version doubles as a cheap "has anything
 * changed" stamp for dashboard ETags ({@link DataVersion}). Writes here are small and short, so the serialisation costs
 * little.
 */
@ApplicationScoped
public class WriteGate {

    @Inject
    EntityManager em;

    /** Call first in every write transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter() {
        em.createNativeQuery("UPDATE data_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }
}

package io.zhibiao.observation;

import io.zhibiao.common.ChangeSequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an import's decided rows on one connection: new figures through {@link BulkInsert} (COPY
 * on PostgreSQL), changed ones as one batched UPDATE, and a revision for each. A chunk's revisions
 * are left to the database while the next chunk is read, which is why every other use of the
 * connection first calls {@link #settle()}.
 */
final class FigureWriter implements AutoCloseable {

    /** A row the write core decided to write. */
    record Write(ObservationValidator.Valid row, StoredFigure current, WriteDecision decision) {
    }

    private final Connection connection;
    private final ChangeSequence changes;
    private final String actor;
    private final BulkInsert newFigures;
    private final BulkInsert revisions;

    FigureWriter(Connection connection, ChangeSequence changes, String actor) throws SQLException {
        this.connection = connection;
        this.changes = changes;
        this.actor = actor;
        boolean postgres = changes.isPostgres();
        this.newFigures = BulkInsert.open(connection, postgres, "observation", "id", "indicator_id", "org_unit_id",
                "period", "start_month", "end_month", "obs_value", "status", "comment", "revision", "deleted",
                "updated_at", "updated_by", "flags", "first_at");
        this.revisions = BulkInsert.open(connection, postgres, "observation_revision", "change_seq", "observation_id",
                "revision", "operation", "obs_value", "status", "comment", "changed_at", "changed_by");
    }

    /**
     * Waits until the revisions sent so far are stored, so the connection may be used for something
     * else.
     */
    void settle() throws SQLException {
        revisions.complete();
    }

    /**
     * Writes a chunk; the caller has settled the connection (it read the chunk's stored figures
     * first).
     */
    void write(List<Write> writes, OffsetDateTime now) throws SQLException {
        List<Write> inserts = new ArrayList<>();
        List<Write> updates = new ArrayList<>();
        writes.forEach(w -> (w.current() == null ? inserts : updates).add(w));
        List<Long> ids = changes.values(connection, "observation_seq", inserts.size());
        List<Long> revisionIds = new ArrayList<>(writes.size());
        for (int i = 0; i < inserts.size(); i++) {
            Write w = inserts.get(i);
            ObservationValidator.Valid v = w.row();
            newFigures.add(ids.get(i), v.indicator().id, v.orgUnit().id, v.period().toString(), v.period().startMonth(),
                    v.period().endMonth(), v.value(), v.status().name(), v.comment(), w.decision().revision(), false,
                    now, actor, w.decision().flags(), now);
            revisionIds.add(ids.get(i));
        }
        newFigures.flush();
        update(updates, now);
        updates.forEach(w -> revisionIds.add(w.current().id()));
        // Feed positions are drawn under the write gate, so their order is commit order.
        List<Long> positions = changes.values(connection, ChangeSequence.NAME, writes.size());
        int next = 0;
        for (List<Write> group : List.of(inserts, updates)) {
            for (Write w : group) {
                ObservationValidator.Valid v = w.row();
                revisions.add(positions.get(next), revisionIds.get(next), w.decision().revision(),
                        w.decision().operation().name(), v.value(), v.status().name(), v.comment(), now, actor);
                next++;
            }
        }
        // Left open: the database stores these revisions while the next chunk is parsed and
        // validated.
        revisions.send();
    }

    private void update(List<Write> updates, OffsetDateTime now) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE observation SET obs_value = ?, status = ?, "
                + "comment = ?, revision = ?, deleted = FALSE, not_applicable = FALSE, updated_at = ?, updated_by = ?, flags = ? WHERE id = ?")) {
            for (Write w : updates) {
                ObservationValidator.Valid v = w.row();
                update.setBigDecimal(1, v.value());
                update.setString(2, v.status().name());
                setText(update, 3, v.comment());
                update.setInt(4, w.decision().revision());
                update.setObject(5, now);
                update.setString(6, actor);
                setText(update, 7, w.decision().flags());
                update.setLong(8, w.current().id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** After a failure an unfinished COPY is cancelled, so that the connection can roll back. */
    @Override
    public void close() throws SQLException {
        try (newFigures) {
            revisions.close();
        }
    }

    private static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }
}

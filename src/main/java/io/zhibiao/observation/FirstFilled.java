package io.zhibiao.observation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.zhibiao.common.Where;
import io.zhibiao.period.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * When each cell of a period in a subtree was first filled — what the reporting status counts on time and late — kept
 * between requests and brought up to date from the revisions numbered above what it holds, as {@link FigureStore}
 * does for figures: after a clerk's write, a province's status reads that one cell again instead of its 100,000.
 */
@ApplicationScoped
public class FirstFilled {

    private static final int MAX_CELLS_HELD = 2_000_000;
    private static final int MAX_CHANGES_APPLIED = 20_000;

    @Inject
    EntityManager em;

    private record Key(String path, int start, int end) {
    }

    /** Cells keyed {@code orgUnitId/indicatorId}, as of a change number. */
    private record Known(long asOf, Map<String, OffsetDateTime> cells) {
    }

    private final Cache<Key, Known> known = Caffeine.newBuilder().maximumWeight(MAX_CELLS_HELD)
            .weigher((Key k, Known v) -> Math.max(1, v.cells().size())).expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private static final String COLUMNS = "SELECT o.org_unit_id, o.indicator_id, COALESCE(o.first_at, o.updated_at), "
            + "o.deleted FROM observation o JOIN org_unit u ON u.id = o.org_unit_id WHERE o.start_month = ? "
            + "AND o.end_month = ? AND u.path LIKE ? ESCAPE '!'";

    /** The cells of the period under the path that hold a figure (not deleted), with when they were first written. */
    Map<String, OffsetDateTime> under(String path, Period period) {
        Key key = new Key(path, period.startMonth(), period.endMonth());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            long head = head(connection);
            Known cached = known.getIfPresent(key);
            Known current;
            if (cached != null && cached.asOf() >= head) {
                current = cached;
            } else if (cached != null && head - cached.asOf() <= MAX_CHANGES_APPLIED) {
                // The changed observations first (an index range on the change number), then those rows: one
                // statement with a subquery let PostgreSQL's generic plan scan the period's every observation.
                List<Long> changed = changedSince(connection, cached.asOf());
                Map<String, OffsetDateTime> cells = new HashMap<>(cached.cells());
                for (int from = 0; from < changed.size(); from += 1000) {
                    List<Long> slice = changed.subList(from, Math.min(changed.size(), from + 1000));
                    read(connection,
                            COLUMNS + " AND o.id IN (" + String.join(",", Collections.nCopies(slice.size(), "?")) + ")",
                            key, slice, cells);
                }
                current = new Known(head, cells);
            } else {
                Map<String, OffsetDateTime> cells = new HashMap<>();
                read(connection, COLUMNS + " AND o.deleted = FALSE", key, List.of(), cells);
                current = new Known(head, cells);
            }
            known.put(key, current);
            return current.cells();
        });
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT COALESCE(MAX(change_seq), 0) FROM observation_revision");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> changedSince(Connection connection, long asOf) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection
                .prepareStatement("SELECT DISTINCT observation_id FROM observation_revision WHERE change_seq > ?")) {
            query.setLong(1, asOf);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void read(Connection connection, String sql, Key key, List<Long> ids,
            Map<String, OffsetDateTime> cells) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, key.start());
            query.setInt(2, key.end());
            query.setString(3, Where.under(key.path()));
            for (int i = 0; i < ids.size(); i++) {
                query.setLong(4 + i, ids.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String cell = rs.getLong(1) + "/" + rs.getLong(2);
                    if (rs.getBoolean(4)) {
                        cells.remove(cell);
                    } else {
                        cells.put(cell, rs.getObject(3, OffsetDateTime.class));
                    }
                }
            }
        }
    }
}

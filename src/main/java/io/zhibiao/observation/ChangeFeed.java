package io.zhibiao.observation;

import io.zhibiao.progress.Numbers;
import io.zhibiao.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reads the changes feed: observation revisions and target changes, merged by their position. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

    @Schema(name = "Change",
            description = "One change. OBSERVATION changes carry the figure; TARGET changes name the target to re-read; "
                    + "SUBMISSION changes are the transitions of a unit's period (operation: the action, status: the "
                    + "state it led to).")
    public record Change(@Schema(required = true, example = "1042") long cursor,
            @Schema(example = "OBSERVATION", enumeration = {
                    "OBSERVATION", "TARGET", "SUBMISSION"}) String type,
            @Schema(example = "UPDATE",
                    enumeration = {"CREATE", "UPDATE", "DELETE", "NOT_APPLICABLE", "SUBMIT", "APPROVE", "RETURN",
                            "REOPEN"}) String operation,
            @Schema(example = "teacher-training") String indicatorCode,
            @Schema(example = "qinghe-no1-middle") String orgUnitCode, @Schema(example = "2025-03") String period,
            @Schema(example = "2") Integer revision, @Schema(example = "820") BigDecimal value,
            @Schema(example = "FINAL") String status, @Schema(example = "12") Long targetId, OffsetDateTime changedAt,
            @Schema(example = "qinghe-no1-clerk") String changedBy) {
    }

    @Schema(name = "ChangePage")
    public record Page(@Schema(required = true) List<Change> items,
            @Schema(required = true, description = "Pass as `since` to continue", example = "1042") long next) {
    }

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Clock clock;

    /** Changes after {@code since} in the caller's subtree. */
    public Page after(long since, int limit) {
        return after(since, limit, access.pathPattern());
    }

    /** Changes after {@code since} under the org-unit path pattern (from {@link Access#pathPattern()}). */
    public Page after(long since, int limit, String pathPattern) {
        List<Change> changes = located(since, Long.MAX_VALUE, limit, pathPattern).stream().map(Located::change)
                .toList();
        return new Page(changes, changes.isEmpty() ? since : changes.get(changes.size() - 1).cursor());
    }

    /** A change with the path of its org unit, so that one read can be shared by callers of different subtrees. */
    public record Located(Change change, String path) {
    }

    /**
     * One page of the feed: {@code ?1} since, {@code ?2} path pattern, {@code ?3} limit, {@code ?4} up to. Public for
     * {@code bench/ChangesPaging.java}, which times exactly this query against the one it replaced.
     */
    public static final String PAGE_SQL = """
            SELECT * FROM (
              (SELECT r.change_seq AS seq, 'OBSERVATION' AS kind, r.operation AS op, i.code AS indicator,
                      u.code AS unit, o.period AS period, r.revision AS revision, r.obs_value AS obs_value,
                      r.status AS status, CAST(NULL AS BIGINT) AS target_id, r.changed_at AS changed_at,
                      r.changed_by AS changed_by, u.path AS path
                 FROM observation_revision r
                 JOIN observation o ON o.id = r.observation_id
                 JOIN indicator i ON i.id = o.indicator_id
                 JOIN org_unit u ON u.id = o.org_unit_id
                WHERE r.change_seq > ?1 AND r.change_seq <= ?4 AND u.path LIKE ?2 ESCAPE '!'
                ORDER BY r.change_seq
                LIMIT ?3)
              UNION ALL
              (SELECT c.change_seq, 'TARGET', c.operation, NULL, u.code, NULL, NULL, NULL, NULL, c.target_id,
                      c.changed_at, c.changed_by, u.path
                 FROM target_change c
                 JOIN org_unit u ON u.id = c.org_unit_id
                WHERE c.change_seq > ?1 AND c.change_seq <= ?4 AND u.path LIKE ?2 ESCAPE '!'
                ORDER BY c.change_seq
                LIMIT ?3)
              UNION ALL
              (SELECT e.change_seq, 'SUBMISSION', e.action, NULL, u.code, s.period, NULL, NULL, e.state, NULL,
                      e.acted_at, e.acted_by, u.path
                 FROM submission_event e
                 JOIN submission s ON s.id = e.submission_id
                 JOIN org_unit u ON u.id = s.org_unit_id
                WHERE e.change_seq > ?1 AND e.change_seq <= ?4 AND u.path LIKE ?2 ESCAPE '!'
                ORDER BY e.change_seq
                LIMIT ?3)
            ) feed
            ORDER BY seq
            LIMIT ?3""";

    /**
     * Changes with cursors in ({@code since}, {@code upTo}] under the path pattern, oldest first, at most {@code limit}.
     * Each half of the feed is read as an index range on its cursor with its own limit before the two are merged, so a
     * page costs the same at the start of a long history as at its end (an offset or a merged sort would read all of
     * it).
     */
    public List<Located> located(long since, long upTo, int limit, String pathPattern) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PAGE_SQL).setParameter(1, since).setParameter(2, pathPattern)
                .setParameter(3, limit).setParameter(4, upTo).getResultList();
        ZoneId zone = clock.getZone();
        return rows.stream()
                .map(r -> new Located(
                        new Change(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                                (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                                r[7] == null ? null : Numbers.display(new BigDecimal(r[7].toString())), (String) r[8],
                                r[9] == null ? null : ((Number) r[9]).longValue(), toTime(r[10], zone), (String) r[11]),
                        (String) r[12]))
                .toList();
    }

    /** The cursor of the newest change, 0 when there is none: where a stream that asks for no history starts. */
    public long head() {
        Object value = em.createNativeQuery("SELECT GREATEST((SELECT COALESCE(MAX(change_seq), 0) FROM "
                + "observation_revision), (SELECT COALESCE(MAX(change_seq), 0) FROM target_change), "
                + "(SELECT COALESCE(MAX(change_seq), 0) FROM submission_event))").getSingleResult();
        return ((Number) value).longValue();
    }

    private static OffsetDateTime toTime(Object value, ZoneId zone) {
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone).toOffsetDateTime();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atZone(zone).toOffsetDateTime();
        }
        if (value instanceof Instant t) {
            return t.atZone(zone).toOffsetDateTime();
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}

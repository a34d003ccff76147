import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.zhibiao.observation.ChangeFeed;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Issue 30: a page of GET /changes on H2 with 500,000 revisions, the feed's query before (one merged, sorted union)
 * and after (each half an index range with its own limit: the service's own {@code ChangeFeed.PAGE_SQL}), in the same
 * run on the same file. Run by
 * bench/changes-paging-benchmark.sh with the packaged service's libraries on the class path.
 */
public class ChangesPaging {

    static final String BEFORE = """
            SELECT r.change_seq, 'OBSERVATION', r.operation, i.code, u.code, o.period, r.revision, r.obs_value, r.status,
                   CAST(NULL AS BIGINT), r.changed_at, r.changed_by
              FROM observation_revision r
              JOIN observation o ON o.id = r.observation_id
              JOIN indicator i ON i.id = o.indicator_id
              JOIN org_unit u ON u.id = o.org_unit_id
             WHERE r.change_seq > ? AND u.path LIKE ? ESCAPE '!'
            UNION ALL
            SELECT c.change_seq, 'TARGET', c.operation, NULL, u.code, NULL, NULL, NULL, NULL,
                   c.target_id, c.changed_at, c.changed_by
              FROM target_change c
              JOIN org_unit u ON u.id = c.org_unit_id
             WHERE c.change_seq > ? AND u.path LIKE ? ESCAPE '!'
             ORDER BY 1
             LIMIT ?""";

    /** The service's own query, with Hibernate's numbered parameters turned into JDBC's, in the order they occur. */
    static final String AFTER = ChangeFeed.PAGE_SQL.replaceAll("\\?\\d", "?");
    static final int[] AFTER_PARAMETERS = Pattern.compile("\\?(\\d)").matcher(ChangeFeed.PAGE_SQL).results()
            .mapToInt(m -> Integer.parseInt(m.group(1))).toArray();

    public static void main(String[] args) throws Exception {
        int revisions = Integer.parseInt(args.length > 0 ? args[0] : "500000");
        String dir = args.length > 1 ? args[1] : "/tmp/zhibiao-paging";
        String url = "jdbc:h2:file:" + dir + "/feed;LOCK_TIMEOUT=30000";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:src/main/resources/db/migration")
                .cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:src/main/resources/db/migration").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            s.execute("INSERT INTO org_unit (id, code, name, type, parent_id, path, version, created_at, updated_at) "
                    + "VALUES (1, 'p', '市', 'PREFECTURE', NULL, '/p/', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO org_unit (id, code, name, type, parent_id, path, version, created_at, updated_at) "
                    + "SELECT X + 1, 'c' || X, '县' || X, 'COUNTY', 1, '/p/c' || X || '/', 0, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 20)");
            s.execute("INSERT INTO org_unit (id, code, name, type, parent_id, path, version, created_at, updated_at) "
                    + "SELECT 100 + X, 's' || X, '校' || X, 'SCHOOL', 2 + MOD(X, 20), '/p/c' || (1 + MOD(X, 20)) "
                    + "|| '/s' || X || '/', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(0, 199)");
            s.execute("INSERT INTO indicator (id, code, name, unit, value_type, direction, aggregation, frequency, "
                    + "created_at, updated_at, rollup, version) SELECT X, 'i' || X, '指标' || X, '人', 'INTEGER', 'INCREASE', 'SUM', "
                    + "'MONTHLY', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'SUM', 0 FROM SYSTEM_RANGE(1, 50)");
            s.execute("INSERT INTO observation (id, indicator_id, org_unit_id, period, start_month, end_month, obs_value, "
                    + "status, revision, deleted, updated_at, updated_by) SELECT X, 1 + MOD(X, 50), 100 + MOD(X, 200), "
                    + "'2025-01', 24000 + X / 200, 24000 + X / 200, X, 'FINAL', 1, FALSE, CURRENT_TIMESTAMP, 'bench' "
                    + "FROM SYSTEM_RANGE(1, " + revisions + ")");
            s.execute("INSERT INTO observation_revision (change_seq, observation_id, revision, operation, obs_value, "
                    + "status, changed_at, changed_by) SELECT 2 * X, X, 1, 'CREATE', X, 'FINAL', CURRENT_TIMESTAMP, "
                    + "'bench' FROM SYSTEM_RANGE(1, " + revisions + ")");
            s.execute("INSERT INTO target_change (change_seq, target_id, org_unit_id, operation, changed_at, changed_by) "
                    + "SELECT 2 * X * 500 + 1, X, 2 + MOD(X, 20), 'UPDATE', CURRENT_TIMESTAMP, 'bench' "
                    + "FROM SYSTEM_RANGE(1, " + revisions / 1000 + ")");
            System.out.printf("Loaded %,d revisions and %,d target changes in %d s%n", revisions, revisions / 1000,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        System.out.println("| page of 100 | before: median ms | after: median ms | before / after |");
        System.out.println("|---|---|---|---|");
        long max = 2L * revisions;
        for (String pattern : new String[]{"/%", "/p/c3/%"}) {
            for (long since : new long[]{0, max / 2, max - 1000}) {
                double before = median(url, true, since, pattern);
                double after = median(url, false, since, pattern);
                System.out.printf("| since=%,d, %s | %.1f | %.1f | %.0fx |%n", since,
                        pattern.equals("/%") ? "whole tree" : "one county of 20", before, after, before / after);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("Heap after the run: %d MB used of %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
    }

    static double median(String url, boolean before, long since, String pattern) throws Exception {
        List<Double> times = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (int run = 0; run < 7; run++) {
                long started = System.nanoTime();
                int rows = 0;
                try (PreparedStatement q = c.prepareStatement(before ? BEFORE : AFTER)) {
                    if (before) {
                        q.setLong(1, since);
                        q.setString(2, pattern);
                        q.setLong(3, since);
                        q.setString(4, pattern);
                        q.setInt(5, 100);
                    } else {
                        // ?1 since, ?2 path pattern, ?3 limit, ?4 up to
                        Object[] values = {since, pattern, 100, Long.MAX_VALUE};
                        for (int i = 0; i < AFTER_PARAMETERS.length; i++) {
                            q.setObject(i + 1, values[AFTER_PARAMETERS[i] - 1]);
                        }
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
                if (run > 1) {
                    times.add((System.nanoTime() - started) / 1e6);
                }
                if (rows == 0) {
                    throw new IllegalStateException("no rows for since=" + since + " " + pattern);
                }
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}

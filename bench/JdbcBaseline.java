import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The yardstick for the import benchmark: the same rows inserted with plain JDBC batches (observation plus its
 * revision, ids from the same sequences) into the same database, in one transaction, with no validation at all.
 * Usage: java -cp h2.jar JdbcBaseline.java JDBC_URL INDICATOR_CODE_PREFIX INDICATORS UNIT_CODE_PREFIX UNITS MONTHS
 */
public class JdbcBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String indicatorPrefix = args[1];
        int indicators = Integer.parseInt(args[2]);
        String unitPrefix = args[3];
        int units = Integer.parseInt(args[4]);
        int months = Integer.parseInt(args[5]);
        boolean postgres = url.startsWith("jdbc:postgresql");
        String nextObservationIds = postgres ? "SELECT nextval('observation_seq') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR observation_seq FROM SYSTEM_RANGE(1, ?)";
        String nextChange = postgres ? "nextval('change_seq')" : "NEXT VALUE FOR change_seq";
        try (Connection c = DriverManager.getConnection(url, postgres ? "postgres" : "sa", "")) {
            c.setAutoCommit(false);
            long[] indicatorIds = ids(c, "indicator", indicatorPrefix, indicators);
            long[] unitIds = ids(c, "org_unit", unitPrefix, units);
            long started = System.nanoTime();
            long rows = 0;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement idQuery = c.prepareStatement(nextObservationIds);
                 PreparedStatement obs = c.prepareStatement("INSERT INTO observation (id, indicator_id, org_unit_id, period, "
                         + "start_month, end_month, obs_value, status, comment, revision, deleted, updated_at, updated_by, flags) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, 'FINAL', NULL, 1, FALSE, ?, 'jdbc', NULL)");
                 PreparedStatement rev = c.prepareStatement("INSERT INTO observation_revision (observation_id, revision, "
                         + "operation, obs_value, status, comment, changed_at, changed_by, change_seq) VALUES "
                         + "(?, 1, 'CREATE', ?, 'FINAL', NULL, ?, 'jdbc', " + nextChange + ")")) {
                for (long unit : unitIds) {
                    for (long indicator : indicatorIds) {
                        idQuery.setInt(1, months);
                        long[] ids = new long[months];
                        try (ResultSet rs = idQuery.executeQuery()) {
                            for (int i = 0; rs.next(); i++) {
                                ids[i] = rs.getLong(1);
                            }
                        }
                        for (int m = 0; m < months; m++) {
                            int month = 1940 * 12 + m;
                            BigDecimal value = BigDecimal.valueOf(100 + (m % 7));
                            obs.setLong(1, ids[m]);
                            obs.setLong(2, indicator);
                            obs.setLong(3, unit);
                            obs.setString(4, String.format("%04d-%02d", month / 12, month % 12 + 1));
                            obs.setInt(5, month);
                            obs.setInt(6, month);
                            obs.setBigDecimal(7, value);
                            obs.setTimestamp(8, now);
                            obs.addBatch();
                            rev.setLong(1, ids[m]);
                            rev.setBigDecimal(2, value);
                            rev.setTimestamp(3, now);
                            rev.addBatch();
                            rows++;
                        }
                        obs.executeBatch();
                        rev.executeBatch();
                    }
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("plain JDBC batch insert: %d rows in %.2f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        }
    }

    private static long[] ids(Connection c, String table, String prefix, int n) throws Exception {
        long[] ids = new long[n];
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM " + table + " WHERE code = ?")) {
            for (int i = 0; i < n; i++) {
                q.setString(1, prefix + i);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }
}

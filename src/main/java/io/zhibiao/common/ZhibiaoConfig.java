package io.zhibiao.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** All of Zhibiao's own settings ({@code zhibiao.*}); documented in the README. */
@ConfigMapping(prefix = "zhibiao")
public interface ZhibiaoConfig {

    Progress progress();

    Paging paging();

    /** The zone whose calendar month is "now" when a request gives no {@code asOf}. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Demo demo();

    Reporting reporting();

    Security security();

    Locks locks();

    Imports imports();

    Transfer transfer();

    Changes changes();

    Reports reports();

    Alerts alerts();

    /** Reports (design §8): produced one at a time per replica, kept for a while. */
    interface Reports {

        /** How long a report's document is kept after it was asked for. */
        @WithDefault("P30D")
        Duration keep();

        /** Reports waiting at most, across the replicas; one more is a 429. */
        @WithDefault("100")
        int maxQueued();

        /**
         * After making a report the worker rests this many times as long as the report took before it takes the next:
         * 3 keeps queued reports to a quarter of a core on average, so that dashboards served beside them stay within
         * 20 % of their speed on a 2-core machine (docs/benchmarks.md); a county PDF of 250 ms is then one a second.
         */
        @WithDefault("3")
        double restRatio();

        /** A report RUNNING this long belongs to a replica that died: it is queued again. */
        @WithDefault("10M")
        Duration staleAfter();
    }

    /** Alerts (design §8): channels, the outbox, retries. */
    interface Alerts {

        /** Where the board is, for the links in messages. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** Messages a channel receives per minute at most (DingTalk's and WeCom's robot limit). */
        @WithDefault("20")
        int perMinute();

        /** A message not delivered this long after it was made is FAILED. */
        @WithDefault("24H")
        Duration giveUpAfter();

        /** First retry after this long; each next one waits twice as long, up to an hour. */
        @WithDefault("5S")
        Duration firstRetry();

        /** How long a receiver may take to answer. */
        @WithDefault("10S")
        Duration timeout();

        /** How often the dispatcher looks at the outbox when nothing woke it. */
        @WithDefault("1S")
        Duration pollInterval();

        /** The hour (in zhibiao.time-zone) of the daily digest and of the 催报 list, unless a subscription says. */
        @WithDefault("8")
        int digestHour();
    }

    interface Transfer {

        /**
         * The secret that signs exports (HMAC-SHA256, at least 32 characters; environment variable
         * {@code ZHIBIAO_TRANSFER_KEY}). Without it exports are unsigned, and an import accepts an unsigned export only
         * when the request says {@code unsigned=true}.
         */
        Optional<String> key();
    }

    interface Changes {

        /** How often a replica reads new changes for all its open streams (one query, whatever their number). */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * How often the tokens behind open streams are checked again against the database: a revoked or expired
         * token's stream ends within this time, on every replica.
         */
        @WithDefault("5s")
        Duration recheckInterval();

        /** Open streams one replica serves at most; more answer 429. */
        @WithDefault("2000")
        int maxStreams();

        /** Open streams one token may hold on one replica (a board per tab); more answer 429. */
        @WithDefault("20")
        int maxStreamsPerToken();
    }

    interface Locks {

        /**
         * Closes every period automatically this many days after it ends; unset (the default) never
         * does.
         */
        Optional<Integer> expiryDays();
    }

    interface Imports {

        /**
         * Rows in one batch request at most; more are refused with a 400 at the first row beyond.
         */
        @WithDefault("2000000")
        int maxRows();

        /** Conflicts listed in one import summary at most; the counts stay exact. */
        @WithDefault("1000")
        int maxConflicts();

        /**
         * Largest batch upload accepted, in bytes (files are streamed, so memory does not grow with
         * it).
         */
        @WithDefault("1073741824")
        long maxBodyBytes();

        /**
         * Rows validated, read and written together (one bulk read, one COPY or JDBC batch). Larger
         * chunks mean fewer round trips (2,000 → 5,000 took a million-row import from 20 s to 17.5
         * s on PostgreSQL); at most 5,000, so that a chunk's bulk read stays under PostgreSQL's
         * 32,767 bind parameters (three per distinct key part).
         */
        @WithDefault("5000")
        int chunkSize();

        /**
         * Characters in one cell (CSV, XLSX) at most — Excel's own limit; a longer cell makes the whole file a 400
         * before it is held in memory.
         */
        @WithDefault("32767")
        int maxCellChars();

        /** Cells in one CSV line at most; a line with more makes the whole file a 400. */
        @WithDefault("64")
        int maxColumns();

        /**
         * Bytes the shared-string table of a workbook may inflate to: it is the one part of an XLSX file read into
         * memory whole (a million distinct comments of 30 characters take about 40 MB).
         */
        @WithDefault("134217728")
        long maxSharedStringsBytes();

        /**
         * Rows in one roster (POST /org-units/batch) at most: a province's schools. The body is also held to
         * zhibiao.security.max-body-bytes.
         */
        @WithDefault("50000")
        int maxRosterRows();
    }

    /**
     * Accepted as an all-scope ADMIN token (environment variable {@code
     * ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN}), so the first real tokens can be created.
     */
    Optional<String> bootstrapAdminToken();

    interface Security {

        /** Lets anonymous callers use the read endpoints (a bureau's public progress page). */
        @WithDefault("false")
        boolean publicRead();

        /** Largest request body accepted, in bytes; larger ones answer 413. */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Longest request target (path and query) accepted, in characters; longer ones answer 414. */
        @WithDefault("8192")
        int maxUriChars();

        /**
         * A request whose body stops arriving for this long is answered 408 and its connection closed (kept below
         * quarkus.http.read-timeout, which would close it without an answer).
         */
        @WithDefault("30s")
        Duration bodyIdleTimeout();

        /**
         * How long a replica keeps a token it has checked without asking the database again: a token revoked on
         * another replica is refused there within this time (at once on the replica that revoked it).
         */
        @WithDefault("10s")
        Duration tokenCacheTtl();

        Jwt jwt();

        /**
         * Who may scrape /q/metrics: OPEN (anyone), TOKEN (any valid bearer token) or OFF (nobody).
         */
        @WithDefault("open")
        MetricsAccess metricsAccess();

        enum MetricsAccess {
            OPEN, TOKEN, OFF
        }

        interface Jwt {

            /**
             * Accept JWTs from an identity provider (configure mp.jwt.verify.issuer and
             * publickey.location).
             */
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Progress {

        /** Pace at or above which an unfinished target is ON_TRACK. */
        @WithDefault("0.95")
        BigDecimal onTrackPace();

        /** Pace at or above which it is AT_RISK; below, OFF_TRACK. */
        @WithDefault("0.85")
        BigDecimal atRiskPace();
    }

    interface Paging {

        @WithDefault("50")
        int defaultSize();

        @WithDefault("500")
        int maxSize();
    }

    /** The reporting cycle (design §7). */
    interface Reporting {

        /** Days after a period ends by which its figures are due, for indicators without their own dueDays. */
        @WithDefault("5")
        int dueDays();
    }

    interface Demo {

        /**
         * Loads the demo prefecture into an empty database at start-up: on in dev mode, off otherwise; a packaged
         * service loads it with ZHIBIAO_DEMO=true (to try it out — never in production: the demo is fiction).
         */
        @WithDefault("false")
        boolean enabled();
    }
}

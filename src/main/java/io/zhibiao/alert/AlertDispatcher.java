package io.zhibiao.alert;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import io.zhibiao.reporting.MissingCell;
import io.zhibiao.reporting.ReportingService;
import io.zhibiao.security.Caller;
import io.zhibiao.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns committed changes into messages and delivers them (design §8), on one thread per replica.
 *
 * <p><b>The outbox.</b> Figures, targets and submissions already write a row of the changes feed in the transaction of
 * the change (observation_revision, target_change, submission_event, ordered by the change sequence, drawn in commit
 * order). That feed is the outbox: a rolled-back change has no row, a committed one always has. The dispatcher keeps its
 * place in it ({@code alert_cursor}); in one transaction it locks that place, reads everything committed since, works
 * out the events, writes the deliveries and moves the place on — so a change becomes deliveries exactly once, whatever
 * replica or restart. Reports write their REPORT_READY deliveries in the transaction that finishes them.
 *
 * <p><b>Deliveries</b> are rows too: PENDING until a try succeeds, retried with exponential backoff, at most
 * {@code zhibiao.alerts.per-minute} tries a minute per channel, FAILED after {@code give-up-after}. A try is leased so
 * that two replicas do not send the same message at once; a replica killed mid-try leaves the lease to expire and the
 * message is sent again (at least once).
 *
 * <p>Idle, the thread asks one plain JDBC question every poll interval (anything after the place? anything due?), so
 * that a quiet service does no Hibernate work at all.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final String PEEK = "SELECT (SELECT COUNT(*) FROM alert_subscription), "
            + "(SELECT COUNT(*) FROM alert_subscription WHERE mode = 'DAILY_DIGEST' OR events LIKE '%FIGURES_OVERDUE%'), "
            + "(SELECT MAX(position) FROM alert_cursor), "
            + "(SELECT COUNT(*) FROM alert_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?), "
            + AlertEvents.HEAD;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    AlertSender sender;

    @Inject
    AlertEvents events;

    @Inject
    ReportingService reporting;

    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean stopped;
    private long lastDigestMinute = -1;

    /** What the idle question found. */
    record Peek(long subscriptions, long digestSubscriptions, Long position, long due, long head) {
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::loop, "alert-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Look now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void loop() {
        while (!stopped) {
            try {
                runOnce(ZonedDateTime.now(clock.withZone(config.timeZone())));
                wake.tryAcquire(config.alerts().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                Log.warnf(e, "Alert dispatcher: %s; trying again shortly", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: the feed turned into deliveries, the due deliveries tried, the digests of the hour made. */
    void runOnce(ZonedDateTime now) {
        Peek p = peek(now.toOffsetDateTime());

        // Nobody listens: nothing is written (the first subscription puts the place at the head: AlertService).
        if (p.subscriptions() > 0 && (p.position() == null || p.position() < p.head())) {
            if (p.position() == null) {
                advanceQuietly(null, p.head());
            } else {
                asSystem(() -> QuarkusTransaction.requiringNew().call(events::fanOut));
            }
        }
        if (p.due() > 0) {
            deliverDue();
        }
        long minute = now.toEpochSecond() / 60;
        if (p.digestSubscriptions() > 0 && minute != lastDigestMinute) {
            lastDigestMinute = minute;
            digests(now);
        }
    }

    private Peek peek(OffsetDateTime now) {
        try (Connection c = autoCommitting(); PreparedStatement q = c.prepareStatement(PEEK)) {
            q.setObject(1, now);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long position = rs.getLong(3);
                Long place = rs.wasNull() ? null : position;
                return new Peek(rs.getLong(1), rs.getLong(2), place, rs.getLong(4), rs.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look at the alert outbox: " + e.getMessage(), e);
        }
    }

    private void advanceQuietly(Long position, long head) {
        try (Connection c = autoCommitting()) {
            String sql = position == null
                    ? "INSERT INTO alert_cursor (id, position) VALUES (1, ?)"
                    : "UPDATE alert_cursor SET position = ? WHERE id = 1 AND position < ?";
            try (PreparedStatement u = c.prepareStatement(sql)) {
                u.setLong(1, head);
                if (position != null) {
                    u.setLong(2, head);
                }
                u.executeUpdate();
            }
        } catch (SQLException e) {
            // Another replica inserted the place first: the next round reads it.
            Log.debugf("Alert cursor not moved: %s", e.getMessage());
        }
    }

    /** Every due delivery tried once (a channel over its minute's limit waits). */
    void deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select d.id from AlertDelivery d where d.status = :pending and "
                        + "d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now) order by d.id",
                        Long.class).setParameter("pending", AlertDelivery.Status.PENDING).setParameter("now", now)
                        .setMaxResults(100).getResultList());
        for (Long id : due) {
            if (stopped) {
                return;
            }
            attempt(id);
        }
    }

    /** A message made and sent at once (a channel's test), answered with its delivery. */
    AlertDelivery sendNow(long channelId, String event, String title, String body) {
        // Made already leased to this caller: the dispatcher's next round must not take it before the try below.
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AlertDelivery d = events.deliver(AlertChannel.findById(channelId), event, title, body);
            d.leaseUntil = OffsetDateTime.now(clock).plus(lease());
            return d.id;
        });
        attempt(id, true);
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            // The caller reads the channel after this transaction: loaded here, not a detached proxy.
            org.hibernate.Hibernate.initialize(d.channel);
            return d;
        });
    }

    /** How long a try holds its delivery: the send's time-out and some. */
    private Duration lease() {
        return config.alerts().timeout().plusSeconds(30);
    }

    /** One try: leased, sent outside any transaction, its outcome recorded. */
    void attempt(long id) {
        attempt(id, false);
    }

    /** One try of a delivery; {@code leased}: the caller made it with its lease already taken. */
    private void attempt(long id, boolean leased) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration lease = lease();
        record Claim(AlertChannel channel, AlertSender.Message message) {
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            if (d == null || d.status != AlertDelivery.Status.PENDING) {
                return null;
            }
            long lastMinute = AlertAttempt.count("channelId = ?1 and attemptedAt > ?2", d.channel.id,
                    now.minusMinutes(1));
            if (lastMinute >= config.alerts().perMinute()) {
                // The channel's minute is full (DingTalk and WeCom allow 20): wait for it to pass.
                d.nextAttemptAt = now.plusSeconds(10);
                return null;
            }
            int taken = leased
                    ? 1
                    : AlertDelivery.update("leaseUntil = ?1 where id = ?2 and (leaseUntil is null or leaseUntil < ?3)",
                            now.plus(lease), id, now);
            if (taken == 0) {
                return null;
            }
            AlertChannel c = d.channel;
            AlertChannel detached = new AlertChannel();
            detached.id = c.id;
            detached.name = c.name;
            detached.type = c.type;
            detached.url = c.url;
            detached.secret = c.secret;
            return new Claim(detached, new AlertSender.Message(d.event, d.title, d.body));
        });
        if (claim == null) {
            return;
        }
        long started = System.nanoTime();
        AlertSender.Result result = sender.send(claim.channel(), claim.message());
        int took = (int) ((System.nanoTime() - started) / 1_000_000);
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            if (d == null) {
                // Its channel was deleted while the message was on its way: nothing is left to record it on.
                Log.debugf("Alert delivery %d is gone (its channel was deleted) after a %s try", id, result.outcome());
                return;
            }
            OffsetDateTime at = OffsetDateTime.now(clock);
            AlertAttempt a = new AlertAttempt();
            a.deliveryId = id;
            a.channelId = claim.channel().id;
            a.attemptedAt = at;
            a.outcome = result.outcome();
            a.httpStatus = result.httpStatus();
            a.answer = result.answer();
            a.durationMs = took;
            a.persist();
            d.attempts++;
            d.leaseUntil = null;
            if (result.outcome() == AlertAttempt.Outcome.SENT) {
                d.status = AlertDelivery.Status.SENT;
                d.deliveredAt = at;
            } else if (at.isAfter(d.createdAt.plus(config.alerts().giveUpAfter()))) {
                d.status = AlertDelivery.Status.FAILED;
                Log.warnf("Alert delivery %d to channel %d FAILED after %d tries: %s", id, a.channelId, d.attempts,
                        result.answer());
            } else {
                d.nextAttemptAt = at.plus(result.outcome() == AlertAttempt.Outcome.THROTTLED
                        ? Duration.ofMinutes(1)
                        : backoff(d.attempts));
            }
        });
        if (result.outcome() != AlertAttempt.Outcome.SENT) {
            Log.infof("Alert delivery %d to channel %d not delivered (%s %s): %s", id, claim.channel().id,
                    result.outcome(), result.httpStatus(), result.answer());
        }
    }

    /** first-retry × 2^(tries − 1), at most an hour. */
    Duration backoff(int tries) {
        Duration first = config.alerts().firstRetry();
        Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, tries - 1)));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    /**
     * The digests and 催报 lists of the subscriptions whose hour has come today: the waiting lines of a DAILY_DIGEST
     * subscription, and for FIGURES_OVERDUE the figures of last month still missing after their due date, by unit.
     */
    public void digests(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> em
                        .createQuery(
                                "select s.id from AlertSubscription s where s.digestHour <= :hour and "
                                        + "(s.lastDigestOn is null or s.lastDigestOn < :today) and "
                                        + "(s.mode = :digest or s.events like '%FIGURES_OVERDUE%') order by s.id",
                                Long.class)
                        .setParameter("hour", now.getHour()).setParameter("today", today)
                        .setParameter("digest", AlertMode.DAILY_DIGEST).getResultList());
        for (Long id : due) {
            asSystem(() -> QuarkusTransaction.requiringNew().call(() -> {
                digest(id, now);
                return null;
            }));
        }
    }

    private void digest(long id, ZonedDateTime now) {
        AlertSubscription s = AlertSubscription
                .<AlertSubscription>find(
                        "from AlertSubscription s join fetch s.orgUnit join fetch s.channel where s.id = ?1", id)
                .firstResult();
        if (s == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        List<AlertDigestLine> waiting = s.mode == AlertMode.DAILY_DIGEST
                ? AlertDigestLine.list("subscriptionId = ?1 order by id", id)
                : List.of();
        waiting.forEach(l -> lines.add(l.line));
        if (s.eventSet().contains(AlertEvent.FIGURES_OVERDUE)) {
            YearMonth last = YearMonth.from(now).minusMonths(1);
            Period period = new Period(Period.index(last), Period.index(last));
            List<MissingCell> missing = reporting
                    .missing(s.orgUnit.code, period, now.toLocalDate(), new PageRequest(0, 2000)).items();
            Map<String, List<String>> byUnit = new LinkedHashMap<>();
            missing.forEach(m -> byUnit.computeIfAbsent(String.join(" › ", m.path()), k -> new ArrayList<>())
                    .add(m.indicatorName()));
            if (!byUnit.isEmpty()) {
                lines.add("**逾期未报（" + last + "）：" + byUnit.size() + " 个单位**");
                byUnit.forEach((unit,
                        names) -> lines.add("- " + unit + "：缺 " + names.size() + " 项（"
                                + String.join("、", names.stream().distinct().limit(5).toList())
                                + (names.size() > 5 ? "等" : "") + "）"));
                lines.add("[查看催报名单](" + config.alerts().baseUrl() + "/board?orgUnit=" + s.orgUnit.code + "&period="
                        + last.getYear() + ")");
            }
        }
        s.lastDigestOn = now.toLocalDate();
        waiting.forEach(AlertDigestLine::delete);
        if (lines.isEmpty()) {
            return;
        }
        String title = "指标每日提醒 · " + s.orgUnit.name + " · " + now.toLocalDate();
        events.deliver(s.channel, "DIGEST", title, "#### " + title + "\n" + String.join("\n", lines));
        Log.infof("Daily digest of subscription %d: %d lines to channel %d", id, lines.size(), s.channel.id);
    }

    /** Runs with a request context whose caller is the system (the services read the whole tree). */
    private <T> T asSystem(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            Arc.container().instance(CallerContext.class).get().set(Caller.system("alerts"));
            return work.get();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }

    /** A connection of its own, each statement committed at once (never a transaction left open in the pool). */
    private Connection autoCommitting() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}

package io.zhibiao.alert;

import io.quarkus.logging.Log;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Status;
import io.zhibiao.target.ProgressService;
import io.zhibiao.target.ProgressView;
import io.zhibiao.target.Target;
import io.zhibiao.validation.ValidationResult;
import io.zhibiao.validation.ValidationRuleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened, told to whom: the events of a stretch of the changes feed matched against the subscriptions, one
 * message per channel for everything one round found (a bulk import that moves 200 targets is one message), lines for
 * the daily digests; and REPORT_READY in the transaction that finishes a report. Runs inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertEvents {

    /** The newest position of the changes feed (its three tables share one sequence). */
    static final String HEAD = "GREATEST((SELECT COALESCE(MAX(change_seq), 0) FROM observation_revision), "
            + "(SELECT COALESCE(MAX(change_seq), 0) FROM target_change), "
            + "(SELECT COALESCE(MAX(change_seq), 0) FROM submission_event))";
    static final Set<Status> SLIPPING = EnumSet.of(Status.AT_RISK, Status.OFF_TRACK, Status.MISSED);
    static final Set<Status> ON_TRACK = EnumSet.of(Status.ON_TRACK, Status.ACHIEVED);
    static final Map<Status, String> NAMES = Map.of(Status.ACHIEVED, "已完成", Status.ON_TRACK, "正常", Status.AT_RISK,
            "有风险", Status.OFF_TRACK, "落后", Status.MISSED, "未完成", Status.NO_DATA, "无数据");
    private static final int MAX_VALIDATION_CELLS = 50;
    /** Lines of one message at most (a robot's message is short; DingTalk and WeCom cut long ones). */
    static final int MAX_LINES = 40;

    /** Something to tell the subscriptions of the units above {@code path}. */
    record Happening(AlertEvent event, String path, String line) {
    }

    @Inject
    EntityManager em;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    ProgressService progress;

    @Inject
    ValidationRuleService validation;

    /**
     * The dispatcher's place put at the head of the feed, for a first subscription: changes made while nobody listened
     * are not told (and while nobody listens the dispatcher writes nothing).
     */
    public void restartAtHead() {
        long head = ((Number) em.createNativeQuery("SELECT " + HEAD).getSingleResult()).longValue();
        if (em.createNativeQuery("UPDATE alert_cursor SET position = ?1 WHERE id = 1").setParameter(1, head)
                .executeUpdate() == 0) {
            em.createNativeQuery("INSERT INTO alert_cursor (id, position) VALUES (1, ?1)").setParameter(1, head)
                    .executeUpdate();
        }
    }

    /** Everything committed since the dispatcher's place, turned into deliveries; the place moved past it. */
    public int fanOut() {
        List<?> locked = em.createNativeQuery("SELECT position FROM alert_cursor WHERE id = 1 FOR UPDATE")
                .getResultList();
        if (locked.isEmpty()) {
            return 0;
        }
        long since = ((Number) locked.get(0)).longValue();
        long head = ((Number) em.createNativeQuery("SELECT " + HEAD).getSingleResult()).longValue();
        if (head <= since) {
            return 0;
        }
        List<AlertSubscription> subscriptions = AlertSubscription
                .<AlertSubscription>find("from AlertSubscription s join fetch s.orgUnit join fetch s.channel").list();
        Set<AlertEvent> wanted = EnumSet.noneOf(AlertEvent.class);
        subscriptions.forEach(s -> wanted.addAll(s.eventSet()));
        List<Happening> happened = new ArrayList<>();
        if (wanted.contains(AlertEvent.TARGET_STATUS_CHANGED)) {
            happened.addAll(statusChanges(since, head));
        }
        if (wanted.contains(AlertEvent.SUBMISSION_SUBMITTED) || wanted.contains(AlertEvent.SUBMISSION_RETURNED)
                || wanted.contains(AlertEvent.SUBMISSION_APPROVED)) {
            happened.addAll(submissions(since, head));
        }
        if (wanted.contains(AlertEvent.VALIDATION_FAILED)) {
            happened.addAll(validationFailures(since, head));
        }
        int messages = tell(subscriptions, happened);
        em.createNativeQuery("UPDATE alert_cursor SET position = ?1 WHERE id = 1").setParameter(1, head)
                .executeUpdate();
        if (!happened.isEmpty()) {
            Log.infof("Alerts: changes %d..%d gave %d events, %d messages", since + 1, head, happened.size(), messages);
        }
        return messages;
    }

    /**
     * The targets the stretch may have moved — of the indicators written (and those derived from them) at the units
     * written and every unit above them, and the targets changed — evaluated now; a move into AT_RISK, OFF_TRACK or
     * MISSED, or from one of them back on track, is told once (alert_target_status remembers what was told).
     */
    private List<Happening> statusChanges(long since, long head) {
        @SuppressWarnings("unchecked")
        List<Object[]> cells = em
                .createNativeQuery("SELECT DISTINCT o.indicator_id, u.path FROM observation_revision r "
                        + "JOIN observation o ON o.id = r.observation_id JOIN org_unit u ON u.id = o.org_unit_id "
                        + "WHERE r.change_seq > ?1 AND r.change_seq <= ?2")
                .setParameter(1, since).setParameter(2, head).getResultList();
        Set<Long> indicators = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Object[] c : cells) {
            indicators.add(((Number) c[0]).longValue());
            for (String code : ((String) c[1]).split("/")) {
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        if (!indicators.isEmpty()) {
            indicators.addAll(em
                    .createQuery("select i.id from Indicator i where i.numerator.id in :ids or "
                            + "i.denominator.id in :ids or i.rankIndicator.id in :ids", Long.class)
                    .setParameter("ids", indicators).getResultList());
        }
        @SuppressWarnings("unchecked")
        List<Number> changedTargets = em
                .createNativeQuery(
                        "SELECT DISTINCT target_id FROM target_change WHERE change_seq > ?1 AND change_seq <= ?2")
                .setParameter(1, since).setParameter(2, head).getResultList();
        int month = Period.index(YearMonth.now(clock.withZone(config.timeZone())));
        Map<Long, Target> targets = new LinkedHashMap<>();
        if (!indicators.isEmpty()) {
            em.createQuery("from Target t join fetch t.indicator join fetch t.orgUnit where t.indicator.id in :ind "
                    + "and t.orgUnit.code in :codes and t.span.startMonth <= :month and t.span.endMonth >= :recent",
                    Target.class).setParameter("ind", indicators).setParameter("codes", codes)
                    .setParameter("month", month).setParameter("recent", month - 3).getResultList()
                    .forEach(t -> targets.put(t.id, t));
        }
        if (!changedTargets.isEmpty()) {
            em.createQuery("from Target t join fetch t.indicator join fetch t.orgUnit where t.id in :ids and "
                    + "t.span.startMonth <= :month and t.span.endMonth >= :recent", Target.class)
                    .setParameter("ids", changedTargets.stream().map(Number::longValue).toList())
                    .setParameter("month", month).setParameter("recent", month - 3).getResultList()
                    .forEach(t -> targets.put(t.id, t));
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<Long, Status> told = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("SELECT target_id, status FROM alert_target_status WHERE " + "target_id IN (:ids)")
                .setParameter("ids", targets.keySet()).getResultList();
        rows.forEach(r -> told.put(((Number) r[0]).longValue(), Status.valueOf((String) r[1])));
        List<Happening> happened = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ProgressView p : progress.progress(targets.values(), null)) {
            Status before = told.get(p.targetId());
            Status after = p.status();
            if (before == after) {
                continue;
            }
            boolean tell = SLIPPING.contains(after) || (ON_TRACK.contains(after) && SLIPPING.contains(before));
            remember(p.targetId(), after, before != null, now);
            if (tell) {
                Target t = targets.get(p.targetId());
                happened.add(new Happening(AlertEvent.TARGET_STATUS_CHANGED, t.orgUnit.path, statusLine(t, p, before)));
            }
        }
        return happened;
    }

    private void remember(long targetId, Status status, boolean known, OffsetDateTime now) {
        String sql = known
                ? "UPDATE alert_target_status SET status = ?2, updated_at = ?3 WHERE target_id = ?1"
                : "INSERT INTO alert_target_status (target_id, status, updated_at) VALUES (?1, ?2, ?3)";
        em.createNativeQuery(sql).setParameter(1, targetId).setParameter(2, status.name()).setParameter(3, now)
                .executeUpdate();
    }

    private String statusLine(Target t, ProgressView p, Status before) {
        String unit = p.unit() == null ? "" : p.unit();
        StringBuilder line = new StringBuilder("- **").append(t.indicator.name).append("（").append(t.span.text)
                .append("）** · ").append(t.orgUnit.name).append("：")
                .append(before == null ? "" : NAMES.get(before) + " → ").append("**").append(NAMES.get(p.status()))
                .append("**");
        line.append("，实际 ").append(number(p.actual(), unit)).append("，目标 ").append(number(p.target(), unit));
        if (p.gap() != null) {
            line.append("，差距 ").append(number(p.gap(), "%".equals(unit) ? "个百分点" : unit));
        }
        line.append("（截至 ").append(p.asOf()).append("）");
        if (t.leadUnit != null) {
            line.append("，责任单位 ").append(t.leadUnit);
        }
        line.append(" [看板](").append(config.alerts().baseUrl()).append("/board?orgUnit=").append(t.orgUnit.code)
                .append("&period=").append(t.span.text).append(")");
        return line.toString();
    }

    private List<Happening> submissions(long since, long head) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.action, u.path, u.name, s.period, e.acted_by, e.reason, "
                + "u.code FROM submission_event e JOIN submission s ON s.id = e.submission_id JOIN org_unit u "
                + "ON u.id = s.org_unit_id WHERE e.change_seq > ?1 AND e.change_seq <= ?2 ORDER BY e.change_seq")
                .setParameter(1, since).setParameter(2, head).setMaxResults(1000).getResultList();
        List<Happening> happened = new ArrayList<>();
        for (Object[] r : rows) {
            AlertEvent event = switch ((String) r[0]) {
                case "SUBMIT" -> AlertEvent.SUBMISSION_SUBMITTED;
                case "APPROVE" -> AlertEvent.SUBMISSION_APPROVED;
                case "RETURN" -> AlertEvent.SUBMISSION_RETURNED;
                default -> null;
            };
            if (event == null) {
                continue;
            }
            String line = "- " + r[2] + " " + r[3] + " **" + event.label() + "**（" + r[4] + "）"
                    + (r[5] == null ? "" : "：" + r[5]) + " [审核](" + config.alerts().baseUrl() + "/review)";
            happened.add(new Happening(event, (String) r[1], line));
        }
        return happened;
    }

    /** Rules failing at the units and periods written (the first 50 of a stretch). */
    private List<Happening> validationFailures(long since, long head) {
        @SuppressWarnings("unchecked")
        List<Object[]> cells = em
                .createNativeQuery("SELECT DISTINCT u.code, u.path, o.period FROM observation_revision r "
                        + "JOIN observation o ON o.id = r.observation_id JOIN org_unit u ON u.id = o.org_unit_id "
                        + "WHERE r.change_seq > ?1 AND r.change_seq <= ?2")
                .setParameter(1, since).setParameter(2, head).setMaxResults(MAX_VALIDATION_CELLS).getResultList();
        List<Happening> happened = new ArrayList<>();
        for (Object[] c : cells) {
            String code = (String) c[0];
            Period period = Period.parse((String) c[2]);
            if (period.months() != 1 && period.type() == io.zhibiao.period.PeriodType.RANGE) {
                continue;
            }
            for (ValidationResult v : validation.results(code, period, null, new PageRequest(0, 100)).items()) {
                if (!v.orgUnitCode().equals(code)) {
                    continue;
                }
                happened.add(new Happening(AlertEvent.VALIDATION_FAILED, (String) c[1],
                        "- " + v.orgUnitName() + " " + v.period() + "：**" + v.name() + "**（"
                                + ("BLOCK".equals(v.severity().name()) ? "阻止" : "提醒") + "）左边 " + number(v.left(), "")
                                + "，右边 " + number(v.right(), "") + (v.message() == null ? "" : "。" + v.message())));
            }
        }
        return happened;
    }

    /** IMMEDIATE: one message per channel with every line for it; DAILY_DIGEST: the lines wait for the hour. */
    private int tell(List<AlertSubscription> subscriptions, List<Happening> happened) {
        Map<AlertChannel, List<String>> immediate = new LinkedHashMap<>();
        Map<AlertChannel, Set<AlertEvent>> kinds = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (AlertSubscription s : subscriptions) {
            Set<AlertEvent> events = s.eventSet();
            for (Happening h : happened) {
                if (!events.contains(h.event()) || !h.path().startsWith(s.orgUnit.path)) {
                    continue;
                }
                if (s.mode == AlertMode.IMMEDIATE) {
                    List<String> lines = immediate.computeIfAbsent(s.channel, c -> new ArrayList<>());
                    if (!lines.contains(h.line())) {
                        lines.add(h.line());
                        kinds.computeIfAbsent(s.channel, c -> EnumSet.noneOf(AlertEvent.class)).add(h.event());
                    }
                } else {
                    AlertDigestLine line = new AlertDigestLine();
                    line.subscriptionId = s.id;
                    line.event = h.event().name();
                    line.line = h.line().length() > 2000 ? h.line().substring(0, 2000) : h.line();
                    line.createdAt = now;
                    line.persist();
                }
            }
        }
        immediate.forEach((channel, lines) -> {
            Set<AlertEvent> what = kinds.get(channel);
            String event = what.size() == 1 ? what.iterator().next().name() : "MIXED";
            String title = "指标提醒：" + String.join("、", what.stream().map(AlertEvent::label).toList()) + "（"
                    + lines.size() + " 项）";
            List<String> shown = lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
            String more = lines.size() > MAX_LINES ? "\n……另有 " + (lines.size() - MAX_LINES) + " 项，请在看板查看" : "";
            deliver(channel, event, title, "#### " + title + "\n" + String.join("\n", shown) + more);
        });
        return immediate.size();
    }

    /** A message for a channel, PENDING: the dispatcher sends it (in this transaction: the outbox row). */
    public AlertDelivery deliver(AlertChannel channel, String event, String title, String body) {
        AlertDelivery d = new AlertDelivery();
        d.channel = channel;
        d.event = event;
        d.title = title.length() > 300 ? title.substring(0, 300) : title;
        d.body = body.length() > 20000 ? body.substring(0, 19990) + "\n…" : body;
        d.status = AlertDelivery.Status.PENDING;
        d.createdAt = OffsetDateTime.now(clock);
        d.nextAttemptAt = d.createdAt;
        d.persist();
        return d;
    }

    /**
     * REPORT_READY for the subscriptions of the report's unit and above, and for the channel of the schedule that
     * asked for it; written in the transaction that finishes the report.
     */
    public void reportReady(OrgUnit unit, String title, long reportId, Long scheduleChannel) {
        String line = "- **" + title + "** 已生成：[下载](" + config.alerts().baseUrl() + "/api/v1/reports/" + reportId
                + "/file) · [报告页](" + config.alerts().baseUrl() + "/reports)";
        List<AlertSubscription> subscriptions = AlertSubscription
                .<AlertSubscription>find("from AlertSubscription s join fetch s.orgUnit join fetch s.channel").list();
        Set<Long> told = new HashSet<>();
        for (AlertSubscription s : subscriptions) {
            if (s.eventSet().contains(AlertEvent.REPORT_READY) && unit.path.startsWith(s.orgUnit.path)
                    && s.mode == AlertMode.IMMEDIATE && told.add(s.channel.id)) {
                deliver(s.channel, AlertEvent.REPORT_READY.name(), "报告已生成：" + title, "#### 报告已生成\n" + line);
            }
        }
        if (scheduleChannel != null && told.add(scheduleChannel)) {
            AlertChannel channel = AlertChannel.findById(scheduleChannel);
            if (channel != null) {
                deliver(channel, AlertEvent.REPORT_READY.name(), "报告已生成：" + title, "#### 报告已生成\n" + line);
            }
        }
    }

    static String number(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        BigDecimal shown = value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_UP) : value;
        return shown.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
    }
}

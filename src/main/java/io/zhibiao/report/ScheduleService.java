package io.zhibiao.report;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.alert.AlertChannel;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.period.PeriodType;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Report schedules (ADMIN or PLANNER of the unit): the report of the period just ended, on its day, to a channel. */
@ApplicationScoped
@Transactional
public class ScheduleService {

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ReportService reports;

    @Inject
    ReportWorker worker;

    @Inject
    io.zhibiao.alert.AlertService alerts;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent event) {
        worker.onHousekeeping(() -> runDue(ZonedDateTime.now(clock.withZone(config.timeZone()))));
    }

    @Writes(Area.ALERTS)
    public ReportSchedule create(ScheduleRequest request) {
        if (request == null) {
            throw new ValidationFailed("orgUnitCode", "send {orgUnitCode, dayOfMonth, periodType, format, channel}");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.orgUnitCode() == null || request.orgUnitCode().isBlank()) {
            errors.add(new FieldError("orgUnitCode", "is required, for example qinghe"));
        }
        if (request.dayOfMonth() == null || request.dayOfMonth() < 1 || request.dayOfMonth() > 31) {
            errors.add(new FieldError("dayOfMonth",
                    request.dayOfMonth() == null
                            ? "is required: the day of the month (1–31) the report is made"
                            : request.dayOfMonth() + " is not a day of a month (1–31)"));
        }
        PeriodType type = PeriodType.MONTH;
        try {
            PeriodType given = Params.enumValue("periodType", request.periodType(), PeriodType.class);
            type = given == null ? PeriodType.MONTH : given;
            if (type != PeriodType.MONTH && type != PeriodType.QUARTER && type != PeriodType.YEAR) {
                errors.add(new FieldError("periodType", "is MONTH, QUARTER or YEAR"));
            }
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
        }
        Optional<ReportFormat> format = request.format() == null
                ? Optional.of(ReportFormat.PDF)
                : ReportFormat.parse(request.format());
        if (format.isEmpty()) {
            errors.add(
                    new FieldError("format", "'" + request.format() + "' is not a report format: pdf, xlsx or html"));
        }
        boolean approved = false;
        try {
            approved = Params.approvedOnly(request.dataStatus());
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
        }
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required: the alert channel the report is sent to"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        OrgUnit unit = orgUnits.resolve("orgUnitCode", request.orgUnitCode().strip());
        AlertChannel channel = alerts.channelField("channel", request.channel());
        access.checkWrite(Area.ALERTS, unit, channel.orgUnit);
        ReportSchedule s = new ReportSchedule();
        s.orgUnit = unit;
        s.dayOfMonth = request.dayOfMonth();
        s.periodType = type;
        s.format = format.get();
        s.dataStatus = approved ? "approved" : "all";
        s.channel = channel;
        s.createdBy = access.actor();
        s.createdAt = OffsetDateTime.now(clock);
        s.persist();
        Log.infof("Report schedule %d: %s %s on day %d to channel %d, by %s", s.id, unit.code, type, s.dayOfMonth,
                channel.id, s.createdBy);
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportSchedule> list() {
        var where = access.where("s.orgUnit.path");
        return ReportSchedule.<ReportSchedule>find("from ReportSchedule s join fetch s.orgUnit join fetch s.channel "
                + "where " + where + " order by s.id", where.params()).list();
    }

    @Writes(Area.ALERTS)
    public void delete(long id) {
        ReportSchedule s = ReportSchedule
                .<ReportSchedule>find("from ReportSchedule s join fetch s.orgUnit where s.id = ?1", id)
                .firstResultOptional().filter(x -> access.canSee(x.orgUnit))
                .orElseThrow(() -> new NotFound("report schedule", id));
        access.checkWrite(Area.ALERTS, s.orgUnit);
        s.delete();
    }

    /** The period a schedule reports in the month of {@code today}: the one just ended, if its kind ends then. */
    static Optional<Period> periodJustEnded(PeriodType type, YearMonth month) {
        YearMonth last = month.minusMonths(1);
        return switch (type) {
            case MONTH -> Optional.of(new Period(Period.index(last), Period.index(last)));
            case QUARTER -> last.getMonthValue() % 3 == 0
                    ? Optional.of(new Period(Period.index(last.minusMonths(2)), Period.index(last)))
                    : Optional.empty();
            case YEAR -> last.getMonthValue() == 12
                    ? Optional.of(new Period(Period.index(last.minusMonths(11)), Period.index(last)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Every schedule whose day has come queues its report once per period (as the system: the whole tree). */
    @Transactional(Transactional.TxType.NEVER)
    public void runDue(ZonedDateTime now) {
        YearMonth month = YearMonth.from(now);
        int day = now.getDayOfMonth();
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> ReportSchedule.<ReportSchedule>listAll().stream().map(s -> s.id).toList());
        for (Long id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                ReportSchedule s = ReportSchedule.findById(id);
                if (s == null || day < Math.min(s.dayOfMonth, month.lengthOfMonth())) {
                    return;
                }
                periodJustEnded(s.periodType, month).filter(p -> !p.toString().equals(s.lastPeriod)).ifPresent(p -> {
                    Report r = reports.queue(s.orgUnit, p, s.format, "approved".equals(s.dataStatus),
                            Caller.system("report-schedule-" + s.id), s.id);
                    s.lastPeriod = p.toString();
                    Log.infof("Report schedule %d queued report %d of %s %s", s.id, r.id, s.orgUnit.code, p);
                });
            });
        }
    }
}

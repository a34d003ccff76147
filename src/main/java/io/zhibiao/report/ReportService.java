package io.zhibiao.report;

import io.quarkus.logging.Log;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** Reports asked for, read and listed within the caller's subtree; produced by {@link ReportWorker}. */
@ApplicationScoped
@Transactional
public class ReportService {

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    ReportWorker worker;

    /** Queued for the worker; the caller's name, role and scope go with it, so it reads what the caller may read. */
    public Report request(ReportRequest request) {
        access.checkWrite(Area.REPORTS);
        if (request == null) {
            throw new ValidationFailed("orgUnitCode", "send {orgUnitCode, period, format}");
        }
        String code = Params.required("orgUnitCode", request.orgUnitCode(), "for example qinghe-county");
        Period period = Params.singlePeriod("period", request.period());
        ReportFormat format = ReportFormat.parse(request.format()).orElseThrow(() -> new ValidationFailed("format",
                "'" + request.format() + "' is not a report format: pdf, xlsx or html"));
        boolean approved = Params.approvedOnly(request.dataStatus());
        YearMonth now = YearMonth.now(clock);
        if (period.start().isAfter(now)) {
            throw new ValidationFailed("period", "'" + period + "' has not begun (this month is " + now
                    + "); a report covers a period that has begun");
        }
        OrgUnit unit = orgUnits.get(code);
        // No writeGate: asking for a report changes no figure, so it must not move the data version it reports.
        return queue(unit, period, format, approved, access.caller(), null);
    }

    /** A report queued for a caller (a request, or a schedule acting as the system). */
    Report queue(OrgUnit unit, Period period, ReportFormat format, boolean approved, Caller caller, Long scheduleId) {
        long waiting = Report.count("state", Report.State.QUEUED);
        if (waiting >= config.reports().maxQueued()) {
            throw new TooManyReports(waiting + " reports are waiting (the most is " + config.reports().maxQueued()
                    + "); ask again when some are done");
        }
        Report r = new Report();
        r.orgUnit = unit;
        r.period = period.toString();
        r.format = format;
        r.dataStatus = approved ? "approved" : "all";
        r.state = Report.State.QUEUED;
        r.requestedBy = caller.name();
        r.requesterRole = caller.role().name();
        r.requesterScope = caller.scopePath();
        r.scheduleId = scheduleId;
        r.createdAt = OffsetDateTime.now(clock);
        r.expiresAt = r.createdAt.plus(config.reports().keep());
        r.persist();
        worker.wakeUpAfterCommit();
        Log.infof("Report %d queued: %s %s %s by %s", r.id, unit.code, r.period, format.extension, caller.name());
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report get(long id) {
        Report r = Report.<Report>find("from Report r join fetch r.orgUnit where r.id = ?1", id).firstResultOptional()
                .orElseThrow(() -> new NotFound("report", String.valueOf(id)));
        if (!access.canSee(r.orgUnit)) {
            throw new NotFound("report", String.valueOf(id));
        }
        return r;
    }

    /** The document of a finished report. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] file(Report report) {
        if (report.state != Report.State.DONE) {
            throw new NotFound("report " + report.id + " is " + report.state + "; its document is there once DONE");
        }
        ReportFile file = ReportFile.findById(report.id);
        if (file == null) {
            throw new NotFound("report " + report.id + " has expired");
        }
        return file.content;
    }

    /** Newest first, within the caller's subtree; optionally one unit's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Report> list(String orgUnitCode, PageRequest page) {
        var where = access.where("r.orgUnit.path");
        if (orgUnitCode != null) {
            OrgUnit unit = orgUnits.get(orgUnitCode);
            where = where.and("r.orgUnit = :unit", "unit", unit);
        }
        var query = Report.<Report>find("from Report r join fetch r.orgUnit where " + where + " order by r.id desc",
                where.params());
        long total = Report.count("from Report r where " + where, where.params());
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }
}

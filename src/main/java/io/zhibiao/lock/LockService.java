package io.zhibiao.lock;

import io.quarkus.logging.Log;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.FieldErrors;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodLocked;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

@ApplicationScoped
@Transactional
public class LockService {

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    IndicatorService indicators;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Writes(Area.LOCKS)
    public PeriodLock create(LockRequest request) {
        List<FieldError> errors = new ArrayList<>();
        OrgUnit unit = FieldErrors.collect(errors, () -> orgUnits.resolve("orgUnitCode", request.orgUnitCode()));
        Period period = FieldErrors.period(errors, "period", request.period());
        Indicator indicator = request.indicatorCode() == null
                ? null
                : FieldErrors.collect(errors, () -> indicators.resolve("indicatorCode", request.indicatorCode()));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        access.checkWrite(Area.LOCKS, unit);
        // Under the write gate, so two identical requests cannot both pass this check.
        PeriodLock
                .<PeriodLock>find(
                        "orgUnit = ?1 and span.startMonth = ?2 and span.endMonth = ?3 and indicator "
                                + (indicator == null ? "is null" : "= ?4"),
                        indicator == null
                                ? new Object[]{unit, period.startMonth(), period.endMonth()}
                                : new Object[]{unit, period.startMonth(), period.endMonth(), indicator})
                .firstResultOptional().ifPresent(existing -> {
                    throw new Conflict("lock " + existing.id + " already closes " + period + " for " + unit.code
                            + (indicator == null ? "" : " (" + indicator.code + ")"));
                });
        PeriodLock lock = new PeriodLock();
        lock.orgUnit = unit;
        lock.indicator = indicator;
        lock.span = PeriodSpan.of(period);
        lock.createdAt = OffsetDateTime.now(clock);
        lock.createdBy = access.actor();
        lock.persist();
        Log.infof("Lock %d: %s closed for %s%s by %s", lock.id, lock.span.text, unit.code,
                indicator == null ? "" : " (" + indicator.code + ")", lock.createdBy);
        return lock;
    }

    /** The lock, for reads and writes alike: one outside the caller's subtree does not exist for it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodLock get(long id) {
        return PeriodLock.<PeriodLock>findByIdOptional(id).filter(l -> access.canSee(l.orgUnit))
                .orElseThrow(() -> new NotFound("lock", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<PeriodLock> list(PageRequest page) {
        Where where = access.where("l.orgUnit.path");
        var query = PeriodLock.<PeriodLock>find(
                "from PeriodLock l join fetch l.orgUnit left join fetch l.indicator where " + where + " order by l.id",
                where.params());
        long total = PeriodLock.count("from PeriodLock l where " + where, where.params());
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }

    @Writes(Area.LOCKS)
    public void delete(long id) {
        PeriodLock lock = get(id);
        lock.delete();
        Log.infof("Lock %d removed by %s", id, access.actor());
    }

    /**
     * All locks in force, for checking many rows at once. Locks are few; a batch reads them once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LockRules rules() {
        List<LockRules.Lock> locks = PeriodLock
                .<PeriodLock>find("from PeriodLock l join fetch l.orgUnit left join fetch l.indicator").list().stream()
                .map(PeriodLock::rule).toList();
        return new LockRules(locks, config.locks().expiryDays().map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Refuses a single write into a closed period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkOpen(OrgUnit unit, Indicator indicator, Period period) {
        rules().violation(unit.path, indicator.id, period, today()).ifPresent(message -> {
            throw new PeriodLocked(message);
        });
    }
}

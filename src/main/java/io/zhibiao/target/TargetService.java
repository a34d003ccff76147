package io.zhibiao.target;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.zhibiao.common.ChangeSequence;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.FieldErrors;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.Texts;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Rollup;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class TargetService {

    /** Filters of the target list; null fields do not filter. */
    public record Filter(String orgUnitCode, String indicatorCode, Period period, Long planId, String category) {
    }

    @Inject
    OrgUnitService orgUnits;

    @Inject
    IndicatorService indicators;

    @Inject
    PlanDirectory plans;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    ChangeSequence changes;

    @Inject
    EntityManager em;

    /** The target, for reads and writes alike: one outside the caller's subtree does not exist for it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Target get(long id) {
        return Target.<Target>find("from Target t join fetch t.indicator join fetch t.orgUnit where t.id = ?1", id)
                .firstResultOptional().filter(t -> access.canSee(t.orgUnit))
                .orElseThrow(() -> new NotFound("target", id));
    }

    /**
     * All targets matching the filter, in id order, with indicator and org unit loaded in the same
     * query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> find(Filter filter) {
        return query(filter).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Target> list(Filter filter, PageRequest page) {
        var query = query(filter);
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), query.count());
    }

    private PanacheQuery<Target> query(Filter filter) {
        Period period = filter.period();
        Where where = access.where("t.orgUnit.path").and("t.orgUnit.code = :orgUnit", "orgUnit", filter.orgUnitCode())
                .and("t.indicator.code = :indicator", "indicator", filter.indicatorCode())
                .and("t.span.startMonth <= :last", "last", period == null ? null : period.endMonth())
                .and("t.span.endMonth >= :first", "first", period == null ? null : period.startMonth())
                .and("t.planId = :plan", "plan", filter.planId())
                .and("t.indicator.category = :category", "category", filter.category());
        return Target.find(
                "from Target t join fetch t.indicator join fetch t.orgUnit where " + where + " order by t.id",
                where.params());
    }

    /** The targets of one indicator at the given units for exactly this period, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> ofIndicatorAt(Indicator indicator, List<OrgUnit> units, Period period) {
        if (units.isEmpty()) {
            return List.of();
        }
        return Target.list("indicator = ?1 and orgUnit in ?2 and span.text = ?3 order by id", indicator, units,
                period.toString());
    }

    /** The targets of the given units (not their subtrees) whose period overlaps. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> findAt(List<OrgUnit> units, Period period) {
        if (units.isEmpty()) {
            return List.of();
        }
        return Target.find(
                "from Target t join fetch t.indicator join fetch t.orgUnit where t.orgUnit in ?1 "
                        + "and t.span.startMonth <= ?2 and t.span.endMonth >= ?3 order by t.id",
                units, period.endMonth(), period.startMonth()).list();
    }

    /** The targets of every unit in the subtree of {@code root} (itself included) whose period overlaps. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> findUnder(OrgUnit root, Period period) {
        return Target.find(
                "from Target t join fetch t.indicator join fetch t.orgUnit where t.orgUnit.path like ?1 "
                        + "escape '!' and t.span.startMonth <= ?2 and t.span.endMonth >= ?3 order by t.id",
                Where.under(root.path), period.endMonth(), period.startMonth()).list();
    }

    /**
     * The indicators the unit reports for the month, each once: those of its own targets, and those of its ancestors'
     * targets that roll up from it (a county's 教师培训 is the sum of its schools'). A derived indicator is reported
     * through its components (a rate's numerator and denominator, the indicator a rankCount ranks by).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Indicator> indicatorsTargeted(OrgUnit unit, int month) {
        if (!unit.isOpenIn(month)) {
            return List.of(); // closed (撤并) or not yet opened: it expects nothing that month
        }
        List<Object[]> targeted = em.createQuery("select distinct t.indicator, t.orgUnit.id from Target t "
                + "where :path like concat(t.orgUnit.path, '%') and t.span.startMonth <= :month and t.span.endMonth >= :month",
                Object[].class).setParameter("path", unit.path).setParameter("month", month).getResultList();
        Map<Long, Indicator> reported = new LinkedHashMap<>();
        for (Object[] row : targeted) {
            Indicator indicator = (Indicator) row[0];
            boolean own = unit.id.equals(row[1]);
            if (indicator.rankIndicator != null) {
                // A rankCount ranks the units of one type by their own figures: those units post them.
                if (indicator.rankType == unit.type) {
                    components(indicator.rankIndicator).forEach(i -> reported.putIfAbsent(i.id, i));
                }
                continue;
            }
            for (Indicator component : components(indicator)) {
                // An ancestor's figure reaches this unit only through a roll-up: one with rollup NONE (完成投资) the
                // ancestor reports itself, and it never lands on a school's form.
                if (own || component.rollup != Rollup.NONE) {
                    reported.putIfAbsent(component.id, component);
                }
            }
        }
        return List.copyOf(reported.values());
    }

    /** What is posted for an indicator: a rate's numerator and denominator, or the indicator itself. */
    private static List<Indicator> components(Indicator indicator) {
        return indicator.numerator != null ? List.of(indicator.numerator, indicator.denominator) : List.of(indicator);
    }

    /**
     * Targets accepted from each of the given plans, in one query; plans without any are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> countByPlan(Collection<Long> planIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!planIds.isEmpty()) {
            em.createQuery("select t.planId, count(t) from Target t where t.planId in :ids group by t.planId",
                    Object[].class).setParameter("ids", planIds).getResultList()
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    @Writes(Area.TARGETS)
    public Target create(TargetRequest request) {
        Target target = new Target();
        target.createdAt = OffsetDateTime.now(clock);
        apply(target, request);
        target.persist();
        recordChange(target, "CREATE");
        Log.infof("Target %d created: %s at %s for %s = %s", target.id, target.indicator.code, target.orgUnit.code,
                target.span.text, target.value.toPlainString());
        return target;
    }

    @Writes(Area.TARGETS)
    public Target update(long id, TargetRequest request) {
        Target target = get(id);
        apply(target, request);
        recordChange(target, "UPDATE");
        return target;
    }

    @Writes(Area.TARGETS)
    public void delete(long id) {
        Target target = get(id);
        recordChange(target, "DELETE");
        target.delete();
        Log.infof("Target %d deleted", id);
    }

    /** Appends to the changes feed; integrators re-read the target (or learn it is gone). */
    private void recordChange(Target target, String operation) {
        em.createNativeQuery(
                "INSERT INTO target_change (change_seq, target_id, org_unit_id, operation, changed_at, changed_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, changes.next()).setParameter(2, target.id).setParameter(3, target.orgUnit.id)
                .setParameter(4, operation).setParameter(5, OffsetDateTime.now(clock)).setParameter(6, access.actor())
                .executeUpdate();
    }

    /**
     * Validates the whole request, reporting every bad field at once, then copies it onto the
     * target.
     */
    private void apply(Target target, TargetRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Indicator indicator = FieldErrors.collect(errors,
                () -> indicators.resolve("indicatorCode", request.indicatorCode()));
        OrgUnit orgUnit = FieldErrors.collect(errors, () -> orgUnits.resolve("orgUnitCode", request.orgUnitCode()));
        if (orgUnit != null) {
            access.checkWrite(Area.TARGETS, orgUnit);
        }
        Period period = FieldErrors.period(errors, "period", request.period());
        if (request.planId() != null && !plans.exists(request.planId())) {
            errors.add(new FieldError("planId", "plan " + request.planId() + " does not exist"));
        }
        if (indicator != null) {
            indicator.rules().violation(request.value()).ifPresent(m -> errors.add(new FieldError("value", m)));
            if (period != null) {
                TargetRules.alignment(indicator.frequency, period)
                        .ifPresent(m -> errors.add(new FieldError("period", m)));
            }
            TargetRules.checkTolerance(indicator, request.tolerance(), errors);
        }
        Period baselinePeriod = null;
        BigDecimal baselineValue = null;
        if (request.baseline() != null) {
            if (request.baseline().period() != null) {
                baselinePeriod = FieldErrors.period(errors, "baseline.period", request.baseline().period());
                if (baselinePeriod != null && period != null && baselinePeriod.endMonth() >= period.startMonth()) {
                    errors.add(new FieldError("baseline.period",
                            "must end before the target period " + period + " starts"));
                }
            }
            baselineValue = request.baseline().value();
            if (baselineValue != null && indicator != null) {
                indicator.rules().violation(baselineValue)
                        .ifPresent(m -> errors.add(new FieldError("baseline.value", m)));
            }
        }
        List<MilestoneValue> milestones = TargetRules.milestones(request, indicator, period, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Optional<Target> clash = Target.<Target>find("indicator = ?1 and orgUnit = ?2 and span.text = ?3", indicator,
                orgUnit, period.toString()).firstResultOptional();
        if (clash.isPresent() && !clash.get().id.equals(target.id)) {
            throw new Conflict("target " + clash.get().id + " already sets " + indicator.code + " for " + orgUnit.code
                    + " in " + period);
        }
        target.indicator = indicator;
        target.orgUnit = orgUnit;
        target.span = PeriodSpan.of(period);
        target.value = request.value();
        target.tolerance = request.tolerance();
        target.baselinePeriod = baselinePeriod == null ? null : baselinePeriod.toString();
        target.baselineValue = baselineValue;
        target.milestones.clear();
        target.milestones.addAll(milestones);
        target.planId = request.planId();
        target.title = Texts.trimToNull(request.title());
        target.source = Texts.trimToNull(request.source());
        target.note = Texts.trimToNull(request.note());
        target.leadUnit = Texts.trimToNull(request.leadUnit());
        target.coUnits = request.coUnits() == null || request.coUnits().isEmpty()
                ? null
                : String.join("\n", request.coUnits().stream().map(String::strip).toList());
        target.responsible = Texts.trimToNull(request.responsible());
        target.updatedAt = OffsetDateTime.now(clock);
    }
}

package io.zhibiao.observation;

import io.zhibiao.common.ChangeSequence;
import io.zhibiao.common.ETags;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.PreconditionFailed;
import io.zhibiao.common.RuleFailed;
import io.zhibiao.common.RuleFailure;
import io.zhibiao.common.SubmissionLocked;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.lock.LockService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class ObservationService {

    /** @param warnings the WARN rules the write made fail (design §7); it was accepted */
    public record Written(Observation observation, WriteOutcome outcome, List<RuleFailure> warnings) {
    }

    /** Filters of the observation list; null fields do not filter. */
    public record Filter(String indicatorCode, String orgUnitCode, Period from, Period to) {
    }

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    LockService locks;

    @Inject
    jakarta.enterprise.inject.Instance<SubmissionHolds> holds;

    @Inject
    ChangeSequence changes;

    @Inject
    FirstFilled firstFilled;

    @Inject
    jakarta.enterprise.inject.Instance<WriteRules> rules;

    /** A unit outside the caller's subtree does not exist for it (design §4): the same answer as an unknown code. */
    @Inject
    IndicatorService indicatorService;

    @Inject
    OrgUnitService orgUnitService;

    private final ObservationValidator validator = new ObservationValidator(code -> indicatorService.byCode(code),
            code -> orgUnitService.byCode(code).filter(unit -> access.canSee(unit)));

    /**
     * Idempotent upsert on the natural key. Re-putting the same value, status and comment writes no
     * revision.
     *
     * @param ifMatch the client's If-Match header, or null
     */
    @Writes(Area.OBSERVATIONS)
    public Written put(String indicatorCode, String orgUnitCode, String period, ObservationInput body, String ifMatch) {
        ObservationInput input = withPathKey(indicatorCode, orgUnitCode, period, body);
        ObservationValidator.Result result = validator.validate(input);
        if (result.unknownCode() != null) {
            // The path names the resource: a code that names nothing is a 404, as for the GET of the same path.
            throw new NotFound(result.unknownCode().message());
        }
        if (!result.ok()) {
            throw new ValidationFailed(result.errors());
        }
        ObservationValidator.Valid row = result.valid();
        locks.checkOpen(row.orgUnit(), row.indicator(), row.period());
        checkNotHeld(row.orgUnit(), row.period());
        Optional<Observation> existing = find(row.indicator(), row.orgUnit(), row.period());
        checkIfMatch(existing.filter(o -> !o.deleted || o.notApplicable), ifMatch);
        if (row.notApplicable()) {
            checkRules(existing.orElse(null), row.indicator(), row.orgUnit(), row.period(), null);
            return markNotApplicable(existing.orElse(null), row, access.actor());
        }
        List<RuleFailure> warnings = checkRules(existing.orElse(null), row.indicator(), row.orgUnit(), row.period(),
                row.value());
        Written written = apply(existing.orElse(null), row, access.actor());
        return new Written(written.observation(), written.outcome(), warnings);
    }

    /**
     * The validation rules the changed value makes fail: a BLOCK one refuses the write (422 validation_rule_failed),
     * WARN ones are returned. An unchanged value is not checked again (a comment edit never trips a rule created after
     * the figure); neither is deleting nothing.
     */
    private List<RuleFailure> checkRules(Observation current, Indicator indicator, OrgUnit unit, Period period,
            BigDecimal value) {
        boolean live = current != null && !current.deleted;
        if (live ? value != null && current.value.compareTo(value) == 0 : value == null) {
            return List.of();
        }
        WriteRules checker = rules.isResolvable() ? rules.get() : WriteRules.NONE;
        List<WriteRules.Finding> findings = checker.check(
                List.of(new WriteRules.Change(indicator.id, unit.id, unit.path, unit.type.name(), period, value)));
        List<RuleFailure> blocked = findings.stream().filter(WriteRules.Finding::blocks)
                .map(WriteRules.Finding::failure).toList();
        if (!blocked.isEmpty()) {
            throw new RuleFailed(blocked);
        }
        return findings.stream().map(WriteRules.Finding::failure).toList();
    }

    /** A submitted or approved period of the unit takes no writes (checked under the write gate). */
    private void checkNotHeld(OrgUnit unit, Period period) {
        if (holds.isResolvable()) {
            holds.get().heldBy(unit.id, period.startMonth(), period.endMonth()).ifPresent(state -> {
                throw new SubmissionLocked(SubmissionHolds.message(unit.code, period.toString(), state));
            });
        }
    }

    /**
     * Marks the cell not applicable (不适用) with its reason: a revision without a value. The row stays {@code deleted},
     * so no figure reader counts it; marking it again with the same reason changes nothing.
     */
    private Written markNotApplicable(Observation current, ObservationValidator.Valid row, String actor) {
        if (current != null && current.notApplicable && java.util.Objects.equals(current.comment, row.comment())) {
            return new Written(current, WriteOutcome.UNCHANGED, List.of());
        }
        Observation o = current != null ? current : new Observation();
        boolean created = current == null || current.deleted && !current.notApplicable;
        if (current == null) {
            o.indicator = row.indicator();
            o.orgUnit = row.orgUnit();
            o.span = PeriodSpan.of(row.period());
            o.revision = 0;
        }
        if (o.firstAt == null) {
            o.firstAt = OffsetDateTime.now(clock);
        }
        o.value = null;
        o.status = row.status();
        o.comment = row.comment();
        o.flags = null;
        o.deleted = true;
        o.notApplicable = true;
        o.revision = o.revision + 1;
        o.updatedAt = OffsetDateTime.now(clock);
        o.updatedBy = actor;
        if (current == null) {
            o.persist();
        }
        Revision.of(o, Operation.NOT_APPLICABLE, changes.next()).persist();
        return new Written(o, created ? WriteOutcome.CREATED : WriteOutcome.UPDATED, List.of());
    }

    /**
     * Applies one validated row as {@link WriteDecision} decides: create, update, revive, or leave
     * alone.
     */
    private Written apply(Observation current, ObservationValidator.Valid row, String actor) {
        WriteDecision decision = WriteDecision.decide(current == null ? null : StoredFigure.of(current), row.value(),
                row.status(), row.comment(), () -> history(row));
        if (!decision.writes()) {
            return new Written(current, decision.outcome(), List.of());
        }
        Observation o = current != null ? current : new Observation();
        if (current == null) {
            o.indicator = row.indicator();
            o.orgUnit = row.orgUnit();
            o.span = PeriodSpan.of(row.period());
        }
        o.value = row.value();
        o.status = row.status();
        o.comment = row.comment();
        o.flags = decision.flags();
        o.deleted = false;
        o.notApplicable = false;
        o.revision = decision.revision();
        o.updatedAt = OffsetDateTime.now(clock);
        o.updatedBy = actor;
        if (o.firstAt == null) {
            o.firstAt = o.updatedAt;
        }
        if (current == null) {
            o.persist();
        }
        Revision.of(o, decision.operation(), changes.next()).persist();
        return new Written(o, decision.outcome(), List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Observation get(String indicatorCode, String orgUnitCode, String period) {
        return findByKey(indicatorCode, orgUnitCode, period).filter(o -> !o.deleted || o.notApplicable)
                .filter(o -> access.canSee(o.orgUnit)).orElseThrow(() -> notFound(indicatorCode, orgUnitCode, period));
    }

    /**
     * Marks the observation deleted (or takes back a not-applicable mark); its history stays and a later put continues
     * it.
     */
    @Writes(Area.OBSERVATIONS)
    public Observation delete(String indicatorCode, String orgUnitCode, String period, String ifMatch) {
        Observation o = findByKey(indicatorCode, orgUnitCode, period).filter(x -> !x.deleted || x.notApplicable)
                .filter(x -> access.canSee(x.orgUnit)).orElseThrow(() -> notFound(indicatorCode, orgUnitCode, period));
        locks.checkOpen(o.orgUnit, o.indicator, new Period(o.span.startMonth, o.span.endMonth));
        checkNotHeld(o.orgUnit, new Period(o.span.startMonth, o.span.endMonth));
        String actor = access.actor();
        checkIfMatch(Optional.of(o), ifMatch);
        if (!o.notApplicable) {
            checkRules(o, o.indicator, o.orgUnit, new Period(o.span.startMonth, o.span.endMonth), null);
        }
        o.deleted = true;
        o.notApplicable = false;
        o.revision = o.revision + 1;
        o.updatedAt = OffsetDateTime.now(clock);
        o.updatedBy = actor;
        Revision.of(o, Operation.DELETE, changes.next()).persist();
        return o;
    }

    /** Every revision, oldest first; also for a deleted observation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Revision> revisions(String indicatorCode, String orgUnitCode, String period) {
        Observation o = findByKey(indicatorCode, orgUnitCode, period).filter(x -> access.canSee(x.orgUnit))
                .orElseThrow(() -> notFound(indicatorCode, orgUnitCode, period));
        return Revision.list("observation = ?1 order by revision", o);
    }

    /**
     * When each cell of the period in the subtree was first filled: the first revision of every observation that is
     * not deleted, keyed {@code orgUnitId/indicatorId}; kept between requests ({@link FirstFilled}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, OffsetDateTime> firstFilled(OrgUnit root, Period period) {
        return firstFilled.under(root.path, period);
    }

    /** The cells of the period in the subtree marked not applicable, keyed {@code orgUnitId/indicatorId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<String> notApplicable(OrgUnit root, Period period) {
        List<Object[]> rows = Observation.getEntityManager().createQuery("select o.orgUnit.id, o.indicator.id "
                + "from Observation o where o.notApplicable = true and o.span.startMonth = :start and o.span.endMonth = :end "
                + "and o.orgUnit.path like :under escape '!'", Object[].class)
                .setParameter("start", period.startMonth()).setParameter("end", period.endMonth())
                .setParameter("under", Where.under(root.path)).getResultList();
        java.util.Set<String> marked = new java.util.HashSet<>();
        rows.forEach(r -> marked.add(r[0] + "/" + r[1]));
        return marked;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Observation> list(Filter filter, PageRequest page) {
        Where where = access.where("o.orgUnit.path").and("o.deleted = false", true)
                .and("o.indicator.code = :indicator", "indicator", filter.indicatorCode())
                .and("o.orgUnit.code = :orgUnit", "orgUnit", filter.orgUnitCode())
                .and("o.span.startMonth >= :from", "from", filter.from() == null ? null : filter.from().startMonth())
                .and("o.span.endMonth <= :to", "to", filter.to() == null ? null : filter.to().endMonth());
        var query = Observation
                .<Observation>find("from Observation o join fetch o.indicator join fetch o.orgUnit where " + where
                        + " order by o.indicator.code, o.orgUnit.code, o.span.startMonth", where.params());
        long total = Observation.count("from Observation o where " + where, where.params());
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }

    /**
     * The unit's earlier figures of this indicator, oldest first, as many as the quality rule looks
     * at.
     */
    private List<BigDecimal> history(ObservationValidator.Valid row) {
        List<BigDecimal> recent = new ArrayList<>(Observation.<Observation>find(
                "indicator = ?1 and orgUnit = ?2 and deleted = false and span.startMonth < ?3 order by span.startMonth desc",
                row.indicator(), row.orgUnit(), row.period().startMonth()).page(0, QualityRule.WINDOW).list().stream()
                .map(o -> o.value).toList());
        Collections.reverse(recent);
        return recent;
    }

    private Optional<Observation> find(Indicator indicator, OrgUnit orgUnit, Period period) {
        return Observation
                .<Observation>find("orgUnit = ?1 and indicator = ?2 and span.startMonth = ?3 and span.endMonth = ?4",
                        orgUnit, indicator, period.startMonth(), period.endMonth())
                .firstResultOptional();
    }

    private Optional<Observation> findByKey(String indicatorCode, String orgUnitCode, String period) {
        Period months;
        try {
            months = Period.parseSingle(period);
        } catch (InvalidPeriodException e) {
            throw new ValidationFailed("period", e.getMessage());
        }
        return Observation.<Observation>find("from Observation o join fetch o.indicator join fetch o.orgUnit "
                + "where o.indicator.code = ?1 and o.orgUnit.code = ?2 and o.span.startMonth = ?3 and o.span.endMonth = ?4",
                indicatorCode, orgUnitCode, months.startMonth(), months.endMonth()).firstResultOptional();
    }

    private static ObservationInput withPathKey(String indicatorCode, String orgUnitCode, String period,
            ObservationInput body) {
        List<FieldError> errors = new ArrayList<>();
        mustMatch(errors, "indicatorCode", body.indicatorCode(), indicatorCode);
        mustMatch(errors, "orgUnitCode", body.orgUnitCode(), orgUnitCode);
        mustMatch(errors, "period", body.period(), period);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new ObservationInput(indicatorCode, orgUnitCode, period, body.value(), body.status(), body.comment(),
                body.notApplicable());
    }

    private static void mustMatch(List<FieldError> errors, String field, String inBody, String inPath) {
        if (inBody != null && !inBody.equals(inPath)) {
            errors.add(new FieldError(field,
                    "'" + inBody + "' differs from the path ('" + inPath + "'); leave it out or make it equal"));
        }
    }

    /** If-Match holds the revision the client last saw; "*" means any current version. */
    private static void checkIfMatch(Optional<Observation> current, String ifMatch) {
        if (ifMatch == null) {
            return;
        }
        if (current.isEmpty()) {
            throw new PreconditionFailed("If-Match was given but the observation does not exist");
        }
        String expected = String.valueOf(current.get().revision);
        if (!ETags.matchesStrongly(ifMatch, expected)) {
            throw new PreconditionFailed("If-Match " + ifMatch + " does not match the current revision " + expected
                    + " (weak tags never match If-Match); read the observation again before changing it");
        }
    }

    private static NotFound notFound(String indicatorCode, String orgUnitCode, String period) {
        return new NotFound("observation", indicatorCode + "/" + orgUnitCode + "/" + period);
    }
}

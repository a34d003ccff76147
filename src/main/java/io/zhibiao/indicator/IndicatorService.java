package io.zhibiao.indicator;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.Keys;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Texts;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.progress.Rollup;
import io.zhibiao.progress.ValueType;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class IndicatorService {

    @Inject
    Instance<IndicatorReferences> references;

    @Inject
    Clock clock;

    @Inject
    Access access;

    /** The indicator of a code, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Indicator> byCode(String code) {
        return Indicator.findByCode(code);
    }

    /** The indicators of some ids (those that exist). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Indicator> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : Indicator.list("id in ?1", java.util.Set.copyOf(ids));
    }

    /** At most {@code max} indicators of exactly this name (names are not unique), by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Indicator> named(String name, int max) {
        return Indicator.<Indicator>find("name", Sort.by("code"), name).page(0, max).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Indicator get(String code) {
        return Indicator.findByCode(code).orElseThrow(() -> new NotFound("indicator", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Indicator resolve(String field, String code) {
        return Indicator.findByCode(code)
                .orElseThrow(() -> new ValidationFailed(field, "indicator '" + code + "' does not exist"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Indicator> list(String category, PageRequest page) {
        var found = category == null
                ? Indicator.<Indicator>findAll(Sort.by("code"))
                : Indicator.<Indicator>find("category = :category", Sort.by("code"),
                        Parameters.with("category", category));
        return new PageResult<>(found.page(page.page(), page.size()).list(), page.page(), page.size(), found.count());
    }

    @Writes(Area.INDICATORS)
    public Indicator create(IndicatorRequest request) {
        Indicator indicator = new Indicator();
        indicator.code = Keys.newCode("indicator", request.code(), c -> Indicator.findByCode(c).isPresent());
        indicator.createdAt = OffsetDateTime.now(clock);
        apply(indicator, request);
        indicator.persist();
        Log.infof("Indicator %s created (%s, %s, %s)", indicator.code, indicator.valueType, indicator.direction,
                indicator.aggregation);
        return indicator;
    }

    @Writes(Area.INDICATORS)
    public Indicator update(String code, IndicatorRequest request) {
        Indicator indicator = get(code);
        Keys.unchanged(code, request.code());
        Frequency frequency = request.frequency() == null ? Frequency.MONTHLY : request.frequency();
        boolean reshaped = indicator.valueType != request.valueType() || indicator.frequency != frequency;
        if (reshaped && hasObservations(indicator)) {
            throw new Conflict(
                    "indicator '" + code + "' already has observations; its valueType and frequency cannot change");
        }
        apply(indicator, request);
        return indicator;
    }

    @Writes(Area.INDICATORS)
    public void delete(String code) {
        Indicator indicator = get(code);
        if (references.stream().anyMatch(r -> r.refersTo(indicator))) {
            throw new Conflict("indicator '" + code + "' is still referenced by targets or observations");
        }
        if (Indicator.count("numerator = ?1 or denominator = ?1 or rankIndicator = ?1", indicator) > 0) {
            throw new Conflict("indicator '" + code + "' is a component of another indicator's formula");
        }
        indicator.delete();
        Log.infof("Indicator %s deleted", code);
    }

    private boolean hasObservations(Indicator indicator) {
        return references.stream().filter(IndicatorReferences::holdsFigures).anyMatch(r -> r.refersTo(indicator));
    }

    private void apply(Indicator indicator, IndicatorRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String unit = Texts.trimToNull(request.unit());
        if (unit == null) {
            if (request.valueType() == ValueType.PERCENT) {
                unit = "%";
            } else {
                errors.add(new FieldError("unit",
                        "is required for " + request.valueType() + " indicators (人, 所, 人次, 亿元 …)"));
            }
        }
        checkBound("minValue", request.minValue(), request.valueType(), errors);
        checkBound("maxValue", request.maxValue(), request.valueType(), errors);
        ValueRules rules = new ValueRules(request.valueType(), request.minValue(), request.maxValue());
        if (rules.effectiveMin() != null && rules.effectiveMax() != null
                && rules.effectiveMin().compareTo(rules.effectiveMax()) > 0) {
            errors.add(new FieldError("maxValue", "must not be below minValue"));
        }
        Rollup rollup = request.rollup() == null ? Rollup.defaultFor(request.valueType()) : request.rollup();
        if (request.valueType() == ValueType.PERCENT && (rollup == Rollup.SUM || rollup == Rollup.AVERAGE)) {
            errors.add(new FieldError("rollup", "a rate is never " + (rollup == Rollup.SUM ? "summed" : "averaged")
                    + " across org units; use NONE and give it a formula (numerator ÷ denominator)"));
        }
        Formula formula = formula(indicator, request, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        indicator.rollup = rollup;
        indicator.numerator = formula.numerator();
        indicator.denominator = formula.denominator();
        indicator.factor = formula.factor();
        indicator.rankIndicator = formula.ranked();
        indicator.rankWithin = formula.ranked() == null ? null : request.formula().rankCount().within();
        indicator.rankType = formula.ranked() == null ? null : request.formula().rankCount().type();
        indicator.rankTop = formula.ranked() == null ? null : request.formula().rankCount().top();
        indicator.name = request.name().strip();
        indicator.category = Texts.trimToNull(request.category());
        indicator.description = Texts.trimToNull(request.description());
        indicator.unit = unit;
        indicator.valueType = request.valueType();
        indicator.direction = request.direction();
        indicator.aggregation = request.aggregation();
        indicator.frequency = request.frequency() == null ? Frequency.MONTHLY : request.frequency();
        indicator.minValue = request.minValue();
        indicator.maxValue = request.maxValue();
        indicator.dueDays = request.dueDays();
        indicator.updatedAt = OffsetDateTime.now(clock);
    }

    /** The resolved formula of a request: a ratio, a rankCount, or nothing. */
    private record Formula(Indicator numerator, Indicator denominator, BigDecimal factor, Indicator ranked) {

        static final Formula NONE = new Formula(null, null, null, null);
    }

    private Formula formula(Indicator indicator, IndicatorRequest request, List<FieldError> errors) {
        IndicatorRequest.FormulaRequest formula = request.formula();
        if (formula == null) {
            return Formula.NONE;
        }
        if (indicator.id != null && references.stream().anyMatch(r -> r.refersTo(indicator) && r.holdsFigures())) {
            errors.add(new FieldError("formula",
                    "'" + indicator.code + "' already has observations; a derived indicator takes none"));
        }
        if (indicator.id != null
                && Indicator.count("numerator = ?1 or denominator = ?1 or rankIndicator = ?1", indicator) > 0) {
            errors.add(new FieldError("formula", "'" + indicator.code
                    + "' is a component of another formula; components cannot be derived themselves"));
        }
        IndicatorRequest.RankCountRequest rank = formula.rankCount();
        if (rank != null) {
            if (formula.numerator() != null || formula.denominator() != null || formula.factor() != null) {
                errors.add(new FieldError("formula", "give either numerator and denominator or rankCount, not both"));
            }
            if (request.valueType() != ValueType.INTEGER) {
                errors.add(new FieldError("valueType", "a rankCount counts units; it is INTEGER"));
            }
            if (rank.within() != null && rank.type() != null && !rank.within().mayContain(rank.type())) {
                errors.add(new FieldError("formula.rankCount.type",
                        rank.type() + " units do not sit under a " + rank.within()));
            }
            Indicator ranked = component(indicator, "formula.rankCount.indicator", rank.indicator(), true, errors);
            return new Formula(null, null, null, ranked);
        }
        Indicator numerator = component(indicator, "formula.numerator", formula.numerator(), false, errors);
        Indicator denominator = component(indicator, "formula.denominator", formula.denominator(), false, errors);
        if (formula.factor() != null && formula.factor().signum() <= 0) {
            errors.add(new FieldError("formula.factor", "must be above 0"));
        }
        BigDecimal factor = formula.factor() != null
                ? formula.factor()
                : request.valueType() == ValueType.PERCENT ? new BigDecimal(100) : BigDecimal.ONE;
        return new Formula(numerator, denominator, factor, null);
    }

    /** A formula component: an existing indicator, not this one, without a formula, counting something (not a rate). */
    private static Indicator component(Indicator self, String field, String code, boolean ratesAllowed,
            List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (code.strip().equals(self.code)) {
            errors.add(new FieldError(field, "names the indicator itself"));
            return null;
        }
        Indicator component = Indicator.findByCode(code.strip()).orElse(null);
        if (component == null) {
            errors.add(new FieldError(field, "indicator '" + code + "' does not exist"));
        } else if (component.isDerived()) {
            errors.add(new FieldError(field, "'" + code + "' is derived itself; components are reported indicators"));
        } else if (component.valueType == ValueType.PERCENT && !ratesAllowed) {
            errors.add(new FieldError(field,
                    "'" + code + "' is a PERCENT indicator; a rate is built from counts (人数), not from rates"));
        } else {
            return component;
        }
        return null;
    }

    private static void checkBound(String field, BigDecimal bound, ValueType type, List<FieldError> errors) {
        if (bound == null) {
            return;
        }
        new ValueRules(type == ValueType.INTEGER ? ValueType.INTEGER : ValueType.DECIMAL, bound, bound).violation(bound)
                .ifPresent(message -> errors.add(new FieldError(field, message)));
    }
}

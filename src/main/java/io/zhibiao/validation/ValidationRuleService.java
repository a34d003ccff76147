package io.zhibiao.validation;

import io.quarkus.logging.Log;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.FieldErrors;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorReferences;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitReferences;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;

/**
 * Validation rules (design §7): created, changed and deleted by planners and admins of the rule's unit; read by anyone
 * whose units the rule checks. Every expression is parsed before anything is stored; the stored text is canonical
 * (codes, not names), and the indicators it reads are listed so that writes find their rules with one lookup.
 */
@ApplicationScoped
@Transactional
public class ValidationRuleService implements IndicatorReferences, OrgUnitReferences {

    @Inject
    IndicatorService indicatorService;

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    RuleEvaluator evaluator;

    @Inject
    Clock clock;

    @Writes(Area.RULES)
    public ValidationRule create(RuleRequest request) {
        ValidationRule rule = new ValidationRule();
        rule.code = request.code();
        apply(rule, request);
        if (ValidationRule.count("code", rule.code) > 0) {
            throw new Conflict("validation rule '" + rule.code + "' already exists");
        }
        rule.createdAt = rule.updatedAt;
        rule.createdBy = rule.updatedBy;
        rule.persist();
        Log.infof("Validation rule %s created for %s by %s: %s %s %s (%s)", rule.code, rule.orgUnit.code,
                rule.createdBy, rule.left, rule.operator.symbol(), rule.right, rule.severity);
        return rule;
    }

    @Writes(Area.RULES)
    public ValidationRule update(String code, RuleRequest request) {
        ValidationRule rule = get(code);
        access.checkWrite(Area.RULES, rule.orgUnit);
        apply(rule, request);
        evaluator.forget(rule.id);
        Log.infof("Validation rule %s changed by %s", rule.code, rule.updatedBy);
        return rule;
    }

    @Writes(Area.RULES)
    public void delete(String code) {
        ValidationRule rule = get(code);
        access.checkWrite(Area.RULES, rule.orgUnit);
        rule.delete();
        evaluator.forget(rule.id);
        Log.infof("Validation rule %s deleted by %s", code, access.actor());
    }

    /** A rule the caller may see: one of its subtree, or of a unit above it (those rules check its units too). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValidationRule get(String code) {
        return ValidationRule.<ValidationRule>find("from ValidationRule r join fetch r.orgUnit where r.code = ?1", code)
                .firstResultOptional().filter(r -> visible(access.caller(), r.orgUnit.path))
                .orElseThrow(() -> new NotFound("validation rule", code));
    }

    /** The rules the caller sees; {@code orgUnitCode}: those checking that unit (its own and its ancestors'). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ValidationRule> list(String orgUnitCode, String indicatorCode, PageRequest page) {
        Caller caller = access.caller();
        OrgUnit unit = orgUnitCode == null ? null : visibleUnit("orgUnit", orgUnitCode);
        // Filtered and paged by the database: rules in the caller's subtree or above it (they check its units too),
        // of the unit asked about, its ancestors or its subtree, reading the indicator asked about.
        Where where = new Where();
        if (!caller.coversAll()) {
            where.and("(r.orgUnit.path like :scope escape '!' or r.orgUnit.path in :scopeAncestors)", "scope",
                    Where.under(caller.scopePath()));
            where.params().and("scopeAncestors", ancestorPaths(caller.scopePath()));
        }
        if (unit != null) {
            where.and("(r.orgUnit.path like :under escape '!' or r.orgUnit.path in :unitAncestors)", "under",
                    Where.under(unit.path));
            where.params().and("unitAncestors", ancestorPaths(unit.path));
        }
        where.and("r.id in (select x.id from ValidationRule x join x.reads i where i.code = :indicator)", "indicator",
                indicatorCode);
        var found = ValidationRule.<ValidationRule>find(
                "from ValidationRule r join fetch r.orgUnit where " + where + " order by r.code", where.params());
        List<ValidationRule> rules = found.page(page.page(), page.size()).list();
        if (!rules.isEmpty()) {
            // The indicators each rule reads, for the whole page in one query.
            ValidationRule.find("from ValidationRule r left join fetch r.reads where r in ?1", rules).list();
        }
        long total = ValidationRule.count("from ValidationRule r where " + where, where.params());
        return new PageResult<>(rules, page.page(), page.size(), total);
    }

    /** The paths above {@code path} ("/a/b/c/" → "/a/", "/a/b/"), never empty (JPQL's {@code in} needs a value). */
    static List<String> ancestorPaths(String path) {
        List<String> paths = new ArrayList<>();
        for (int slash = path.indexOf('/', 1); slash > 0
                && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
            paths.add(path.substring(0, slash + 1));
        }
        if (paths.isEmpty()) {
            paths.add(path);
        }
        return paths;
    }

    /**
     * Every failing (rule, unit) of the unit's subtree for the period, recomputed from the current figures: a fixed
     * figure makes its result disappear, a rule created after the data shows the failures already there. BLOCK first,
     * then by the units' place in the tree.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ValidationResult> results(String orgUnitCode, Period period, RuleSeverity severity,
            PageRequest page) {
        OrgUnit root = visibleUnit("orgUnit", orgUnitCode);
        List<CompiledRule> rules = ValidationRule
                .<ValidationRule>find("from ValidationRule r join fetch r.orgUnit left join fetch r.reads").list()
                .stream().distinct()
                .filter(r -> root.path.startsWith(r.orgUnit.path) || r.orgUnit.path.startsWith(root.path))
                .filter(r -> severity == null || r.severity == severity).map(evaluator::compile).toList();
        if (rules.isEmpty()) {
            return PageResult.slice(List.of(), page);
        }
        List<OrgUnit> units = orgUnits.subtree(root);
        Map<Long, OrgUnit> byId = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        for (OrgUnit u : units) {
            byId.put(u.id, u);
            paths.put(u.id, u.path);
            types.put(u.id, u.type.name());
        }
        List<ValidationResult> failed = evaluator.failures(rules, paths, types, List.of(root.id), period).stream()
                .sorted(Comparator.comparing((RuleEvaluator.Checked c) -> c.rule().severity())
                        .thenComparing(c -> byId.get(c.unitId()).path).thenComparing(c -> c.rule().code()))
                .map(c -> {
                    OrgUnit u = byId.get(c.unitId());
                    return new ValidationResult(c.rule().code(), c.rule().name(), c.rule().severity(), u.code, u.name,
                            period.toString(), expression(c.rule()), c.outcome().left(), c.outcome().right(),
                            c.rule().describe(c.outcome()));
                }).toList();
        return PageResult.slice(failed, page);
    }

    /**
     * The BLOCK rules failing at exactly this unit for the period, as "rule: message" lines: what keeps it from
     * submitting (design §7).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> blocking(OrgUnit unit, Period period) {
        List<CompiledRule> rules = ValidationRule
                .<ValidationRule>find(
                        "from ValidationRule r join fetch r.orgUnit left join fetch r.reads " + "where r.severity = ?1",
                        RuleSeverity.BLOCK)
                .list().stream().distinct().filter(r -> unit.path.startsWith(r.orgUnit.path)).map(evaluator::compile)
                .toList();
        return evaluator
                .failures(rules, Map.of(unit.id, unit.path), Map.of(unit.id, unit.type.name()), List.of(unit.id),
                        period)
                .stream().map(c -> c.rule().code() + " (" + c.rule().describe(c.outcome()) + ")").toList();
    }

    /** Evaluates a stored rule at one unit and period; stores nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleTest test(String code, String orgUnitCode, Period period) {
        ValidationRule stored = get(code);
        OrgUnit unit = visibleUnit("orgUnit", orgUnitCode);
        CompiledRule rule = evaluator.compile(stored);
        RuleEvaluator.TestOutcome tested = evaluator.test(rule, unit.id, unit.type.name(), period);
        RuleCheck.Outcome outcome = tested.outcome();
        return new RuleTest(rule.code(), unit.code, period.toString(), tested.applies(), outcome.verdict().name(),
                outcome.left(), outcome.right(), outcome.skippedBecause(),
                outcome.failed() ? rule.describe(outcome) : null,
                tested.readings().stream().map(r -> new RuleTest.Reading(r.ref(), r.value())).toList());
    }

    static String expression(CompiledRule rule) {
        return rule.definition().left().text() + " " + rule.definition().operator().symbol() + " "
                + rule.definition().right().text();
    }

    /** The unit, when the caller may see it; otherwise the same 404 as an unknown code. */
    OrgUnit visibleUnit(String field, String code) {
        return orgUnits.get(io.zhibiao.common.Params.required(field, code, "for example qinghe-county"));
    }

    static boolean visible(Caller caller, String rulePath) {
        return caller.covers(rulePath) || caller.scopePath() != null && caller.scopePath().startsWith(rulePath);
    }

    /** Checks and copies a request onto the rule; every field error at once, the expressions' with positions. */
    private void apply(ValidationRule rule, RuleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        OrgUnit unit = FieldErrors.collect(errors, () -> orgUnits.resolve("orgUnitCode", request.orgUnitCode()));
        Set<Indicator> reads = new LinkedHashSet<>();
        Expression left = expression(errors, "left", request.left(), reads);
        Expression right = expression(errors, "right", request.right(), reads);
        if (left != null && right != null && left.refs().isEmpty() && right.refs().isEmpty()) {
            errors.add(new FieldError("left", "neither side names an indicator; a rule compares figures"));
        }
        RuleOperator operator = RuleOperator.of(request.operator());
        if (operator == null) {
            errors.add(new FieldError("operator",
                    "'" + request.operator() + "' is not an operator; use ==, !=, <, <=, > or >="));
        }
        BigDecimal tolerance = request.tolerance();
        if (tolerance != null && (operator != RuleOperator.EQ || tolerance.signum() < 0)) {
            errors.add(new FieldError("tolerance",
                    operator != RuleOperator.EQ
                            ? "a tolerance widens == only; leave it out for " + request.operator()
                            : "must not be negative"));
        }
        RuleSeverity severity = enumOf(errors, "severity", request.severity(), RuleSeverity.class, RuleSeverity.BLOCK);
        MissingValues missing = enumOf(errors, "missing", request.missing(), MissingValues.class,
                MissingValues.SKIP_IF_ANY_MISSING);
        Set<String> types = new java.util.TreeSet<>();
        if (request.appliesTo() != null) {
            for (String type : request.appliesTo()) {
                Optional<OrgUnitType> known = type == null ? Optional.empty() : OrgUnitType.named(type);
                if (known.isEmpty()) {
                    errors.add(new FieldError("appliesTo",
                            "'" + type + "' is not an org-unit type; use " + OrgUnitType.accepted()));
                } else {
                    types.add(known.get().name());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        access.checkWrite(Area.RULES, unit);
        rule.name = request.name().strip();
        rule.orgUnit = unit;
        rule.left = left.text();
        rule.operator = operator;
        rule.right = right.text();
        rule.tolerance = tolerance;
        rule.severity = severity;
        rule.missing = missing;
        rule.appliesTo = types.isEmpty() ? null : String.join(",", types);
        rule.message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        rule.reads = new HashSet<>(reads);
        rule.updatedAt = OffsetDateTime.now(clock);
        rule.updatedBy = access.actor();
    }

    /**
     * Parses one side, naming codes or unique indicator names; every indicator it reads goes into {@code reads}, a
     * derived one with its components (a write of a component changes it).
     */
    private Expression expression(List<FieldError> errors, String field, String text, Set<Indicator> reads) {
        ExpressionParser parser = new ExpressionParser(name -> indicator(name).map(i -> {
            reads.add(i);
            for (Indicator component : new Indicator[]{i.numerator, i.denominator, i.rankIndicator}) {
                if (component != null) {
                    // a lazy reference until read: loaded here, inside the transaction, because the answer names it
                    // after the transaction has ended
                    Hibernate.initialize(component);
                    reads.add(component);
                }
            }
            return i.code;
        }));
        try {
            return parser.parse(text);
        } catch (ExpressionError e) {
            errors.add(new FieldError(field, e.describe()));
            return null;
        }
    }

    /** An indicator by code, else by its exact name when one indicator has it. */
    private Optional<Indicator> indicator(String name) {
        Optional<Indicator> byCode = indicatorService.byCode(name);
        if (byCode.isPresent()) {
            return byCode;
        }
        List<Indicator> named = indicatorService.named(name, 2);
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static <E extends Enum<E>> E enumOf(List<FieldError> errors, String field, String text, Class<E> type,
            E fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + text + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    @Override
    public boolean refersTo(Indicator indicator) {
        return ValidationRule.count("select count(r) from ValidationRule r join r.reads i where i = ?1", indicator) > 0;
    }

    @Override
    public long countReferencesTo(OrgUnit unit) {
        return ValidationRule.count("orgUnit", unit);
    }

    @Override
    public String what() {
        return "validation rules";
    }
}

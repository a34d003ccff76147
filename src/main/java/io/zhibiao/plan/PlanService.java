package io.zhibiao.plan;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.FieldErrors;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PayloadTooLarge;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.indicator.IndicatorRequest;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import io.zhibiao.target.PlanDirectory;
import io.zhibiao.target.TargetRequest;
import io.zhibiao.target.TargetService;
import io.zhibiao.target.TargetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

@ApplicationScoped
@Transactional
public class PlanService implements PlanDirectory {

    private final TargetExtractor extractor = new TargetExtractor();

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    IndicatorService indicators;

    @Inject
    TargetService targets;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * Candidate targets of a text; the year comes from the title when the caller does not give it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Extraction extract(String text, Integer year) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailed("body", "the plan text is empty");
        }
        if (text.length() > PlanRequest.MAX_TEXT) {
            // Reading time grows with the figures a text holds; the cap a stored plan has bounds it here too.
            throw new PayloadTooLarge("the plan text has " + text.length() + " characters; at most "
                    + PlanRequest.MAX_TEXT + " are read, split the plan");
        }
        int planYear = year != null
                ? year
                : TargetExtractor.planYear(text).orElseThrow(() -> new ValidationFailed("year",
                        "no plan year (such as 2026年工作要点) in the title or opening lines; pass ?year="));
        long started = System.nanoTime();
        Extraction extraction = extractor.extract(text, planYear);
        registry.timer("zhibiao.plan.extraction").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        registry.summary("zhibiao.plan.extraction.candidates").record(extraction.candidates().size());
        Log.infof("Extracted %d candidate targets from %d characters of a %d plan in %d ms",
                extraction.candidates().size(), text.length(), planYear, (System.nanoTime() - started) / 1_000_000);
        return extraction;
    }

    /**
     * Candidate targets of a plan sent as a body of the given media type (text, a Word file, a PDF, a web page); for a
     * document the answer carries the text derived from it, which the candidates' offsets point into.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Extraction extract(DocumentBody body, Integer year) {
        PlanDocuments.Read read = read(body);
        Extraction extraction = extract(read.text(), year);
        return read.format() == PlanDocuments.Format.TEXT ? extraction : extraction.withText(read.text());
    }

    private static PlanDocuments.Read read(DocumentBody body) {
        long started = System.nanoTime();
        PlanDocuments.Read read = PlanDocuments.text(body.mediaType(), body.charset(), body.bytes());
        if (read.format() != PlanDocuments.Format.TEXT) {
            Log.infof("Read a %s plan of %d bytes: %d characters, %d tables, in %d ms", read.format(),
                    body.bytes().length, read.text().length(), read.tables(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return read;
    }

    /**
     * Stores a plan sent as a document: its text is the text derived from it (what the review page shows and the
     * candidates point into), its source format kept beside it.
     */
    @Writes(Area.PLANS)
    public Plan create(String orgUnitCode, String title, String period, DocumentBody body) {
        PlanDocuments.Read read = read(body);
        List<FieldError> errors = new ArrayList<>();
        if (read.text().length() > PlanRequest.MAX_TEXT) {
            throw new PayloadTooLarge("the plan text has " + read.text().length() + " characters; at most "
                    + PlanRequest.MAX_TEXT + " are stored, split the plan");
        }
        if (read.text().isBlank()) {
            errors.add(new FieldError("body", "the plan text is empty"));
        }
        String heading = title == null || title.isBlank() ? firstLine(read.text()) : title.strip();
        if (heading.isEmpty() || heading.length() > 500 || heading.contains("\n")) {
            errors.add(new FieldError("title", "must be one line of at most 500 characters"));
        }
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            errors.add(new FieldError("orgUnitCode", "must not be blank"));
        }
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return store(new PlanRequest(orgUnitCode.strip(), heading, period.strip(), read.text()), read.format());
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String one = line.replace('\t', ' ').strip();
            if (!one.isEmpty()) {
                return one.length() > 500 ? one.substring(0, 500) : one;
            }
        }
        return "";
    }

    /** The role is checked first (by {@code @Writes}): a viewer learns nothing about codes from a 400. */
    @Writes(Area.PLANS)
    public Plan create(PlanRequest request) {
        return store(request, PlanDocuments.Format.TEXT);
    }

    private Plan store(PlanRequest request, PlanDocuments.Format format) {
        List<FieldError> errors = new ArrayList<>();
        OrgUnit orgUnit = FieldErrors.collect(errors, () -> orgUnits.resolve("orgUnitCode", request.orgUnitCode()));
        Period period = FieldErrors.period(errors, "period", request.period());
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        access.checkWrite(Area.PLANS, orgUnit);
        Plan plan = new Plan();
        plan.orgUnit = orgUnit;
        plan.title = request.title().strip();
        plan.span = PeriodSpan.of(period);
        plan.text = request.text();
        plan.format = format.name();
        plan.createdAt = OffsetDateTime.now(clock);
        plan.createdBy = access.actor();
        plan.persist();
        Log.infof("Plan %d stored for %s (%s, %d characters)", plan.id, orgUnit.code, plan.span.text,
                plan.text.length());
        return plan;
    }

    /** The plan, for reads and writes alike: one outside the caller's subtree does not exist for it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan get(long id) {
        return Plan.<Plan>find("from Plan p join fetch p.orgUnit where p.id = ?1", id).firstResultOptional()
                .filter(p -> access.canSee(p.orgUnit)).orElseThrow(() -> new NotFound("plan", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Plan> list(String orgUnitCode, Period period, PageRequest page) {
        Where where = access.where("p.orgUnit.path").and("p.orgUnit.code = :orgUnit", "orgUnit", orgUnitCode)
                .and("p.span.startMonth <= :last", "last", period == null ? null : period.endMonth())
                .and("p.span.endMonth >= :first", "first", period == null ? null : period.startMonth());
        var query = Plan.<Plan>find("from Plan p join fetch p.orgUnit where " + where + " order by p.id",
                where.params());
        long total = Plan.count("from Plan p where " + where, where.params());
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }

    /** Targets accepted from each of the given plans, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> targetCounts(List<Plan> plans) {
        return targets.countByPlan(plans.stream().map(p -> p.id).toList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long planId) {
        return Plan.<Plan>findByIdOptional(planId).filter(plan -> access.canSee(plan.orgUnit)).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Extraction extract(long id) {
        Plan plan = get(id);
        return extract(plan.text, Period.parse(plan.span.text).startMonth() / 12);
    }

    /**
     * Creates a target for every reviewed candidate, through the same validation as POST /targets,
     * all or none: every item's errors are reported at once, prefixed with its place in the
     * request.
     */
    public AcceptedTargets accept(long planId, AcceptRequest request) {
        access.checkWrite(Area.TARGETS);
        Plan plan = get(planId);
        List<FieldError> errors = new ArrayList<>();
        String conflict = null;
        List<TargetView> created = new ArrayList<>();
        for (int i = 0; i < request.targets().size(); i++) {
            AcceptedTarget item = request.targets().get(i);
            String prefix = "targets[" + i + "]";
            try {
                TargetRequest target = toTarget(plan, item, prefix);
                created.add(TargetView.of(targets.create(target)));
            } catch (ValidationFailed e) {
                e.errors()
                        .forEach(error -> errors.add(new FieldError(error.field() == null
                                ? prefix
                                : error.field().startsWith(prefix) ? error.field() : prefix + "." + error.field(),
                                error.message())));
            } catch (Conflict e) {
                if (conflict == null) {
                    conflict = prefix + ": " + e.getMessage();
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        if (conflict != null) {
            throw new Conflict(conflict);
        }
        Log.infof("Plan %d: %d targets accepted by %s", plan.id, created.size(), access.actor());
        return new AcceptedTargets(plan.id, created);
    }

    private TargetRequest toTarget(Plan plan, AcceptedTarget item, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String orgUnitCode = item.orgUnitCode();
        if (orgUnitCode == null && item.orgUnitName() != null && !item.orgUnitName().isBlank()) {
            orgUnitCode = unitNamed(plan.orgUnit, item.orgUnitName().strip(), prefix + ".orgUnitName", errors);
        }
        String indicatorCode = item.indicatorCode();
        if (item.indicator() != null) {
            IndicatorRequest described = item.indicator();
            if (described.code() == null && indicatorCode != null) {
                described = new IndicatorRequest(indicatorCode, described.name(), described.category(),
                        described.description(), described.unit(), described.valueType(), described.direction(),
                        described.aggregation(), described.frequency(), described.minValue(), described.maxValue(),
                        described.rollup(), described.formula());
            } else if (indicatorCode != null && !indicatorCode.equals(described.code())) {
                errors.add(new FieldError(prefix + ".indicatorCode", "differs from indicator.code; give one code"));
            }
            if (errors.isEmpty()) {
                try {
                    indicatorCode = indicators.create(described).code;
                } catch (ValidationFailed e) {
                    e.errors()
                            .forEach(error -> errors.add(new FieldError(
                                    prefix + ".indicator" + (error.field() == null ? "" : "." + error.field()),
                                    error.message())));
                }
            }
        } else if (indicatorCode == null) {
            errors.add(new FieldError(prefix + ".indicatorCode",
                    "name an existing indicator, or describe a new one in indicator"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new TargetRequest(indicatorCode, orgUnitCode == null ? plan.orgUnit.code : orgUnitCode,
                item.period() == null ? plan.span.text : item.period(), item.value(), item.tolerance(), item.baseline(),
                item.milestones(), plan.id, item.name(), item.sentence(), item.note(), item.leadUnit(), null, null);
    }

    /**
     * The one org unit with this name in the plan's subtree (the plan names its schools, not their codes; "县第一中学"
     * finds 青禾县第一中学).
     */
    private String unitNamed(OrgUnit root, String name, String field, List<FieldError> errors) {
        List<OrgUnit> found = orgUnits.named(root, name);
        if (found.size() == 1) {
            return found.get(0).code;
        }
        errors.add(new FieldError(field,
                found.isEmpty()
                        ? "no org unit named '" + name + "' under '" + root.code + "'; give orgUnitCode"
                        : "several org units under '" + root.code + "' are named '" + name + "'; give orgUnitCode"));
        return null;
    }
}

package io.zhibiao.reporting;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.ApiException;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.Forbidden;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.common.WriteGate;
import io.zhibiao.observation.SubmissionHolds;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import io.zhibiao.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Submissions and approval (design §7): 上报 bottom-up, 审核 from above, never of one's own unit. Every transition
 * passes the write gate, as every figure does, so a write either commits before an approval or is refused after it;
 * while a period is SUBMITTED or APPROVED its unit's cells take no writes ({@link SubmissionHolds}).
 */
@ApplicationScoped
@Transactional
public class SubmissionService implements SubmissionHolds, io.zhibiao.target.ApprovedPeriods {

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ReportingService reporting;

    @Inject
    Access access;

    @Inject
    WriteGate writeGate;

    @Inject
    Clock clock;

    @Inject
    io.zhibiao.common.ChangeSequence changeSequence;

    @Inject
    io.zhibiao.validation.ValidationRuleService rules;

    public SubmissionView act(SubmissionEvent.Action action, String orgUnitCode, Period period, String reason) {
        access.checkWrite(action == SubmissionEvent.Action.SUBMIT ? Area.SUBMISSIONS : Area.REVIEWS);
        OrgUnit unit = orgUnits.get(orgUnitCode);
        permit(action, unit);
        writeGate.enter();
        Submission s = find(unit, period).orElse(null);
        Submission.State state = s == null ? Submission.State.OPEN : s.state;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        switch (action) {
            case SUBMIT -> {
                if (state != Submission.State.OPEN && state != Submission.State.RETURNED) {
                    throw new Conflict("the figures of " + unit.code + " for " + period + " are already " + state);
                }
                ReportingService.Readiness ready = reporting.readiness(unit, period);
                if (ready.expectedInSubtree() == 0) {
                    throw new ValidationFailed("period", "nothing is expected of " + unit.code + " for " + period
                            + ": none of its targets is reported in periods of this kind");
                }
                List<String> blockers = new ArrayList<>();
                if (!ready.unfilled().isEmpty()) {
                    blockers.add("missing figures: " + String.join(", ", ready.unfilled()));
                }
                List<String> unapproved = ready.reportingChildren().stream()
                        .filter(c -> stateOf(c, period) != Submission.State.APPROVED).map(c -> c.name).toList();
                if (!unapproved.isEmpty()) {
                    blockers.add("not yet approved: " + String.join(", ", unapproved));
                }
                List<String> failing = rules.blocking(unit, period);
                if (!failing.isEmpty()) {
                    blockers.add("failing rules: " + String.join(", ", failing));
                }
                if (!blockers.isEmpty()) {
                    throw new Conflict(
                            "cannot submit " + unit.code + " for " + period + ": " + String.join("; ", blockers));
                }
                s = transition(s, unit, period, action, Submission.State.SUBMITTED, why);
            }
            case APPROVE -> {
                require(state, Submission.State.SUBMITTED, "approved", unit, period);
                s = transition(s, unit, period, action, Submission.State.APPROVED, why);
            }
            case RETURN -> {
                require(state, Submission.State.SUBMITTED, "returned", unit, period);
                requireReason(why);
                s = transition(s, unit, period, action, Submission.State.RETURNED, why);
            }
            case REOPEN -> {
                require(state, Submission.State.APPROVED, "reopened", unit, period);
                requireReason(why);
                s = transition(s, unit, period, action, Submission.State.OPEN, why);
                reopenAncestors(unit, period, why);
            }
        }
        Log.infof("Submission %s %s: %s by %s", unit.code, period, s.state, access.actor());
        return view(s.orgUnit, period, s, true);
    }

    /** Each unit answered on its own: one refused does not hold up the others. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<SubmissionBatch.Result> batch(SubmissionBatch request) {
        access.checkWrite(Area.REVIEWS);
        if (request.action() == SubmissionEvent.Action.SUBMIT) {
            throw new ValidationFailed("action", "a batch approves, returns or reopens; each unit submits its own");
        }
        Period period = ReportingService.reportingPeriod(request.period());
        List<SubmissionBatch.Result> results = new ArrayList<>();
        for (String code : request.orgUnits()) {
            try {
                SubmissionView v = QuarkusTransaction.requiringNew()
                        .call(() -> act(request.action(), code, period, request.reason()));
                results.add(new SubmissionBatch.Result(code, true, v.state(), null, null));
            } catch (ApiException e) {
                results.add(new SubmissionBatch.Result(code, false, null, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionView get(String orgUnitCode, Period period) {
        OrgUnit unit = orgUnits.get(orgUnitCode);
        return view(unit, period, find(unit, period).orElse(null), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SubmissionView> list(String orgUnitCode, Period period, Submission.State state,
            PageRequest page) {
        Where where = access.where("s.orgUnit.path");
        if (orgUnitCode != null) {
            OrgUnit root = orgUnits.get(orgUnitCode);
            where.and("s.orgUnit.path like :under escape '!'", "under", Where.under(root.path));
        }
        if (period != null) {
            where.and("s.span.startMonth = :start", "start", period.startMonth()).and("s.span.endMonth = :end", "end",
                    period.endMonth());
        }
        where.and("s.state = :state", "state", state);
        var found = Submission.<Submission>find("from Submission s join fetch s.orgUnit where " + where
                + " order by s.span.startMonth desc, s.orgUnit.path", where.params());
        long total = Submission.count("from Submission s where " + where, where.params());
        List<SubmissionView> items = found.page(page.page(), page.size()).list().stream()
                .map(s -> view(s.orgUnit, new Period(s.span.startMonth, s.span.endMonth), s, false)).toList();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The state of every unit of the subtree that has a submission for the period; one query on the path. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Submission.State> statesUnder(OrgUnit root, Period period) {
        Map<Long, Submission.State> states = new HashMap<>();
        for (Object[] row : Submission.getEntityManager().createQuery("select s.orgUnit.id, s.state from Submission s "
                + "where s.orgUnit.path like :under escape '!' and s.span.startMonth = :start and s.span.endMonth = :end",
                Object[].class).setParameter("under", io.zhibiao.common.Where.under(root.path))
                .setParameter("start", period.startMonth()).setParameter("end", period.endMonth()).getResultList()) {
            states.put((Long) row[0], (Submission.State) row[1]);
        }
        return states;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> heldBy(long orgUnitId, int startMonth, int endMonth) {
        return Submission
                .<Submission>find("orgUnit.id = ?1 and span.startMonth = ?2 and span.endMonth = ?3", orgUnitId,
                        startMonth, endMonth)
                .firstResultOptional().filter(s -> s.state.holds()).map(s -> s.state.name());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> all() {
        Map<String, String> held = new HashMap<>();
        Submission.getEntityManager()
                .createQuery("select s.orgUnit.id, s.span.startMonth, s.span.endMonth, s.state from "
                        + "Submission s where s.state in :held", Object[].class)
                .setParameter("held", List.of(Submission.State.SUBMITTED, Submission.State.APPROVED)).getResultStream()
                .forEach(r -> held.put(SubmissionHolds.key((Long) r[0], (Integer) r[1], (Integer) r[2]),
                        ((Submission.State) r[3]).name()));
        return held;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> approved(Collection<Long> orgUnitIds) {
        Set<String> approved = new HashSet<>();
        if (orgUnitIds.isEmpty()) {
            return approved;
        }
        List<Long> ids = List.copyOf(orgUnitIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            Submission.getEntityManager()
                    .createQuery("select s.orgUnit.id, s.span.startMonth, s.span.endMonth from Submission s "
                            + "where s.state = :approved and s.orgUnit.id in :ids", Object[].class)
                    .setParameter("approved", Submission.State.APPROVED)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).getResultStream()
                    .forEach(r -> approved
                            .add(io.zhibiao.target.ApprovedPeriods.key((Long) r[0], (Integer) r[1], (Integer) r[2])));
        }
        return approved;
    }

    /** Who may act: submitters on their units, reviewers on units strictly below their scope root. */
    private void permit(SubmissionEvent.Action action, OrgUnit unit) {
        Caller caller = access.caller();
        if (action == SubmissionEvent.Action.SUBMIT) {
            access.checkWrite(Area.SUBMISSIONS);
            return;
        }
        access.checkWrite(Area.REVIEWS);
        if (!reviews(caller, unit)) {
            throw new Forbidden(
                    "nobody reviews their own unit: '" + unit.code + "' is the scope of token '" + caller.name() + "'");
        }
    }

    private static boolean reviews(Caller caller, OrgUnit unit) {
        if (caller.coversAll()) {
            return caller.role() == Role.ADMIN || caller.role() == Role.REVIEWER;
        }
        return caller.covers(unit.path) && !unit.path.equals(caller.scopePath());
    }

    private static void require(Submission.State state, Submission.State needed, String verb, OrgUnit unit,
            Period period) {
        if (state != needed) {
            throw new Conflict("only " + needed + " figures can be " + verb + "; those of " + unit.code + " for "
                    + period + " are " + state);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null) {
            throw new ValidationFailed("reason", "is required: say what must change");
        }
    }

    private Submission transition(Submission existing, OrgUnit unit, Period period, SubmissionEvent.Action action,
            Submission.State to, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Submission s = existing;
        if (s == null) {
            s = new Submission();
            s.orgUnit = unit;
            s.span = PeriodSpan.of(period);
        }
        s.state = to;
        s.updatedAt = now;
        s.updatedBy = access.actor();
        if (existing == null) {
            s.persist();
        }
        SubmissionEvent e = new SubmissionEvent();
        e.submission = s;
        e.action = action;
        e.state = to;
        e.actedBy = access.actor();
        e.actedAt = now;
        e.reason = reason;
        e.changeSeq = changeSequence.next();
        e.persist();
        return s;
    }

    /** Reopening a unit reopens every approved submission above it for the same period: their totals change. */
    private void reopenAncestors(OrgUnit unit, Period period, String reason) {
        List<String> codes = Arrays.stream(unit.path.split("/")).filter(c -> !c.isEmpty() && !c.equals(unit.code))
                .toList();
        for (OrgUnit ancestor : orgUnits.byCodes(codes)) {
            find(ancestor, period).filter(s -> s.state == Submission.State.APPROVED)
                    .ifPresent(s -> transition(s, ancestor, period, SubmissionEvent.Action.REOPEN,
                            Submission.State.OPEN, "reopened with " + unit.name + ": " + reason));
        }
    }

    private Submission.State stateOf(OrgUnit unit, Period period) {
        return find(unit, period).map(s -> s.state).orElse(Submission.State.OPEN);
    }

    private static Optional<Submission> find(OrgUnit unit, Period period) {
        return Submission.<Submission>find("orgUnit = ?1 and span.startMonth = ?2 and span.endMonth = ?3", unit,
                period.startMonth(), period.endMonth()).firstResultOptional();
    }

    private SubmissionView view(OrgUnit unit, Period period, Submission s, boolean withHistory) {
        Submission.State state = s == null ? Submission.State.OPEN : s.state;
        List<SubmissionView.Step> history = s == null || !withHistory
                ? List.of()
                : SubmissionEvent.<SubmissionEvent>list("submission = ?1 order by id", s).stream()
                        .map(e -> new SubmissionView.Step(e.action, e.state, e.actedBy, e.actedAt, e.reason)).toList();
        return new SubmissionView(unit.code, unit.name, period.toString(), state, s == null ? null : s.updatedAt,
                s == null ? null : s.updatedBy, allowed(unit, state), history);
    }

    private List<SubmissionEvent.Action> allowed(OrgUnit unit, Submission.State state) {
        Caller caller = access.caller();
        List<SubmissionEvent.Action> actions = new ArrayList<>();
        if (Area.SUBMISSIONS.writableBy(caller.role())
                && (state == Submission.State.OPEN || state == Submission.State.RETURNED)) {
            actions.add(SubmissionEvent.Action.SUBMIT);
        }
        if (Area.REVIEWS.writableBy(caller.role()) && reviews(caller, unit)) {
            if (state == Submission.State.SUBMITTED) {
                actions.add(SubmissionEvent.Action.APPROVE);
                actions.add(SubmissionEvent.Action.RETURN);
            } else if (state == Submission.State.APPROVED) {
                actions.add(SubmissionEvent.Action.REOPEN);
            }
        }
        return actions;
    }
}
